package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/postlint/postlint/lint"
)

const (
	// GitHub drops a step summary bigger than 1 MiB altogether; keep under
	// it, with room for anything else the step writes.
	maxStepSummary = 1<<20 - 16<<10
	// GitHub shows this many annotations of each level per step.
	annotationsShown = 10
)

// GitHub writes one workflow command per finding, which GitHub Actions
// shows as an annotation on the pull request's diff:
//
//	::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=postlint (RULE)::MESSAGE
//
// and one ::error:: per run error. Values are escaped as @actions/core does,
// so no file name or message can end the command or start another. When
// GITHUB_STEP_SUMMARY is set it also appends a Markdown summary listing
// every finding, since GitHub shows only the first few annotations.
func GitHub(w io.Writer, res *lint.Result, opts Options) error {
	bw := bufio.NewWriter(w)
	for i := range res.Findings {
		writeAnnotation(bw, &res.Findings[i])
	}
	for _, e := range res.Errors {
		writeErrorCommand(bw, e)
	}
	if opts.Getenv != nil {
		if path := opts.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
			if err := appendStepSummary(path, res); err != nil {
				fmt.Fprintf(bw, "::warning title=postlint::%s\n", escapeData("cannot write the step summary: "+err.Error()))
			}
		}
	}
	return bw.Flush()
}

func annotationLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

func writeAnnotation(w io.Writer, f *lint.Finding) {
	props := []string{"file=" + escapeProperty(f.Path), "line=" + strconv.Itoa(max(f.Start.Line, 1))}
	endLine := max(f.End.Line, f.Start.Line, 1)
	if endLine == max(f.Start.Line, 1) {
		// GitHub accepts columns only on a one-line range.
		col := max(f.Start.Column, 1)
		props = append(props, "col="+strconv.Itoa(col), "endLine="+strconv.Itoa(endLine),
			"endColumn="+strconv.Itoa(max(f.End.Column, col)))
	} else {
		props = append(props, "endLine="+strconv.Itoa(endLine))
	}
	props = append(props, "title="+escapeProperty("postlint ("+f.Rule+")"))
	fmt.Fprintf(w, "::%s %s::%s\n", annotationLevel(f.Severity), strings.Join(props, ","), escapeData(f.Message))
}

func writeErrorCommand(w io.Writer, err error) {
	props := []string{}
	var fe *lint.FileError
	var ce *lint.ConfigError
	switch {
	case errors.As(err, &ce) && ce.Path != "":
		props = append(props, "file="+escapeProperty(ce.Path))
		if ce.Line > 0 {
			props = append(props, "line="+strconv.Itoa(ce.Line))
		}
	case errors.As(err, &fe) && fe.Path != "":
		props = append(props, "file="+escapeProperty(fe.Path))
	}
	props = append(props, "title=postlint")
	fmt.Fprintf(w, "::error %s::%s\n", strings.Join(props, ","), escapeData(err.Error()))
}

// dataEscaper and propertyEscaper escape as @actions/core does: a
// property's value would otherwise end at ":" or ",". Replacers are built
// once: building one per finding cost more than the rest of the report.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message like @actions/core.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command's property value like
// @actions/core.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// appendStepSummary appends the Markdown summary to the step summary file,
// within what GitHub accepts given what the file already holds.
func appendStepSummary(path string, res *lint.Result) error {
	budget := maxStepSummary
	if fi, err := os.Stat(path); err == nil {
		budget -= int(fi.Size())
	}
	text := stepSummary(res, budget)
	if text == "" {
		return fmt.Errorf("%s is already close to GitHub's 1 MiB limit", path)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, text); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// stepSummary renders the summary in at most budget bytes ("" when even
// the header does not fit), leaving out the last findings if need be and
// saying how many.
func stepSummary(res *lint.Result, budget int) string {
	s := Summarize(res)
	var b strings.Builder
	b.WriteString("## postlint\n\n")
	b.WriteString(mdText(s.String()) + ".\n\n")
	if len(res.Errors) > 0 {
		fmt.Fprintf(&b, "**postlint hit %s (listed below): some files were not checked.**\n\n", plural(len(res.Errors), "error"))
	}
	if s.Errors > annotationsShown || s.Warnings > annotationsShown || s.Infos > annotationsShown {
		fmt.Fprintf(&b, "GitHub shows only the first %d annotations of each level in a step: the table below lists the findings.\n\n", annotationsShown)
	}
	if s.Findings > 0 {
		b.WriteString("| Rule | Severity | Findings |\n|---|---|---:|\n")
		for _, rc := range countByRule(res.Findings) {
			fmt.Fprintf(&b, "| %s | %s | %d |\n", mdText(rc.rule), rc.severity, rc.count)
		}
		b.WriteString("\n")
	}
	head := b.String()

	// The lists below are cut to fit; room for the footer is kept.
	const footerRoom = 256
	type row struct {
		text           string
		finding, error bool
	}
	var rows []row
	if len(res.Errors) > 0 {
		rows = append(rows, row{text: "### Errors\n\n"})
		for _, e := range res.Errors {
			rows = append(rows, row{text: "- " + mdText(e.Error()) + "\n", error: true})
		}
		rows = append(rows, row{text: "\n"})
	}
	if s.Findings > 0 {
		rows = append(rows, row{text: "### Findings\n\n| Location | Severity | Rule | Message |\n|---|---|---|---|\n"})
		for i := range res.Findings {
			f := &res.Findings[i]
			rows = append(rows, row{finding: true, text: fmt.Sprintf("| %s:%d:%d | %s | %s | %s |\n",
				mdText(f.Path), f.Start.Line, f.Start.Column, f.Severity, mdText(f.Rule), mdText(f.Message))})
		}
	}
	if len(head)+footerRoom > budget {
		return ""
	}
	used := len(head)
	leftFindings, leftErrors, cut := 0, 0, false
	for _, r := range rows {
		if cut = cut || used+len(r.text)+footerRoom > budget; cut {
			if r.finding {
				leftFindings++
			} else if r.error {
				leftErrors++
			}
			continue
		}
		b.WriteString(r.text)
		used += len(r.text)
	}
	if leftFindings+leftErrors > 0 {
		left := plural(leftFindings, "finding")
		if leftErrors > 0 {
			left = plural(leftErrors, "error") + " and " + left
		}
		fmt.Fprintf(&b, "\n_%s left out to keep this summary under GitHub's 1 MiB limit; run `postlint check --format text` to see them all._\n", left)
	}
	b.WriteString("\n")
	return b.String()
}

type ruleCount struct {
	rule     string
	severity lint.Severity
	count    int
}

// countByRule counts findings per rule and severity, most frequent first.
func countByRule(fs []lint.Finding) []ruleCount {
	type key struct {
		rule string
		sev  lint.Severity
	}
	counts := map[key]int{}
	for i := range fs {
		counts[key{fs[i].Rule, fs[i].Severity}]++
	}
	out := make([]ruleCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, ruleCount{k.rule, k.sev, n})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if a.rule != b.rule {
			return a.rule < b.rule
		}
		return a.severity > b.severity
	})
	return out
}

// mdText makes s literal text inside a Markdown table cell: one line, and
// every character GitHub's Markdown gives a meaning to inline escaped.
func mdText(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r' || r == '\n' || r == '\t':
			b.WriteByte(' ')
		case r < ' ' || r == 0x7f:
			b.WriteRune('\uFFFD')
		case strings.ContainsRune("\\`*_[]<>!&|~$", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
