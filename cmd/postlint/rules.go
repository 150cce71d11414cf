package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/rules"
	"github.com/spf13/cobra"
)

func newRulesCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [NAME]",
		Short: "List the rules, or show one rule's documentation",
		Example: `  postlint rules
  postlint rules post-url`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []string
			for _, r := range rules.All() {
				names = append(names, r.Name+"\t"+r.Summary)
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return listRules(stdout)
			}
			r := rules.ByName(args[0])
			if r == nil {
				names := make([]string, 0, len(rules.All()))
				for _, r := range rules.All() {
					names = append(names, r.Name)
				}
				return fmt.Errorf("unknown rule %q%s (see `postlint rules`)", args[0], lint.Suggest(args[0], names))
			}
			return showRule(stdout, r)
		},
	}
}

func listRules(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tDEFAULT\tFIX\tSUMMARY")
	for _, r := range rules.All() {
		fix := ""
		if r.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.DefaultSeverity, fix, r.Summary)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nRun `postlint rules NAME` for a rule's documentation.")
	return err
}

func showRule(w io.Writer, r *lint.Rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s.\n\nDefault severity: %s. Fixable: %s.", r.Name, r.Summary, r.DefaultSeverity, yesNo(r.Fixable))
	if len(r.Tags) > 0 {
		fmt.Fprintf(&b, " Tags: %s.", strings.Join(r.Tags, ", "))
	}
	b.WriteString("\n\n")
	b.WriteString(strings.TrimSpace(r.Doc))
	b.WriteString("\n")
	if r == rules.FrenchTypos {
		// Which dictionary is found depends on this machine.
		fmt.Fprintf(&b, "\nIn use here: %s\n", rules.FrenchDictionaryStatus())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
