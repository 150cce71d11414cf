package integration

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// action is the part of action.yml a runner reads.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID               string            `yaml:"id"`
			Name             string            `yaml:"name"`
			If               string            `yaml:"if"`
			Uses             string            `yaml:"uses"`
			Shell            string            `yaml:"shell"`
			Run              string            `yaml:"run"`
			Env              map[string]string `yaml:"env"`
			WorkingDirectory string            `yaml:"working-directory"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var exprRE = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// actionRun is the outcome of running the composite action.
type actionRun struct {
	stdout  string
	outputs map[string]string // the action's outputs
	summary string
	failed  bool // a step exited non-zero
}

// runAction runs action.yml's steps as a GitHub runner does: expressions
// over inputs, github.* and steps.*.outputs evaluated; each run step in
// `bash --noprofile --norc -eo pipefail` with its own GITHUB_OUTPUT file;
// GITHUB_PATH honoured; `uses:` steps taken only when their condition holds.
func runAction(t *testing.T, workspace string, inputs map[string]string) actionRun {
	t.Helper()
	root := repoRoot(t)
	b, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml: runs.using = %q, want composite", a.Runs.Using)
	}
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
	}
	temp := t.TempDir()
	summary := filepath.Join(temp, "summary.md")
	pathFile := filepath.Join(temp, "path.txt")
	for _, f := range []string{summary, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stepOutputs := map[string]map[string]string{}
	eval := func(s string) string {
		return exprRE.ReplaceAllStringFunc(s, func(m string) string {
			expr := exprRE.FindStringSubmatch(m)[1]
			switch {
			case strings.HasPrefix(expr, "inputs."):
				name := strings.TrimPrefix(expr, "inputs.")
				if v, ok := inputs[name]; ok {
					return v
				}
				return a.Inputs[name].Default
			case expr == "github.action_path":
				return root
			case expr == "github.workspace":
				return workspace
			case strings.HasPrefix(expr, "steps."):
				parts := strings.Split(expr, ".") // steps.ID.outputs.NAME
				if len(parts) == 4 {
					return stepOutputs[parts[1]][parts[3]]
				}
			}
			t.Fatalf("action.yml: expression %q is not understood by this test", expr)
			return ""
		})
	}
	var res actionRun
	var stdout strings.Builder
	extraPath := []string{}
	for i, step := range a.Runs.Steps {
		if step.If != "" && !condition(t, step.If, stepOutputs) {
			continue
		}
		if step.Uses != "" {
			// The only action used is setup-go, and only when Go is missing.
			t.Skipf("step %q (%s) would run here: Go is needed for this test", step.Name, step.Uses)
		}
		if step.Shell != "bash" {
			t.Fatalf("step %d %q: shell %q; the action must run on every runner OS with bash", i, step.Name, step.Shell)
		}
		outFile := filepath.Join(temp, "output-"+step.ID+".txt")
		if err := os.WriteFile(outFile, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		script := filepath.Join(temp, "step.sh")
		if err := os.WriteFile(script, []byte(step.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		if step.WorkingDirectory != "" {
			cmd.Dir = eval(step.WorkingDirectory)
		}
		pathEnv := os.Getenv("PATH")
		if len(extraPath) > 0 {
			pathEnv = strings.Join(extraPath, ":") + ":" + pathEnv
		}
		cmd.Env = append(os.Environ(),
			"PATH="+pathEnv,
			"GITHUB_ACTIONS=true", "CI=true",
			"GITHUB_ACTION_PATH="+root, "GITHUB_WORKSPACE="+workspace,
			"GITHUB_OUTPUT="+outFile, "GITHUB_STEP_SUMMARY="+summary, "GITHUB_PATH="+pathFile,
			"RUNNER_TEMP="+temp,
		)
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		out, err := cmd.CombinedOutput()
		stdout.Write(out)
		stepOutputs[step.ID] = readKeyValues(t, outFile)
		extraPath = readLines(t, pathFile)
		if err != nil {
			res.failed = true
			break
		}
	}
	res.stdout = stdout.String()
	res.outputs = map[string]string{}
	for name, o := range a.Outputs {
		res.outputs[name] = eval(o.Value)
	}
	sb, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	res.summary = string(sb)
	return res
}

var conditionRE = regexp.MustCompile(`^steps\.([\w-]+)\.outputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'$`)

// condition evaluates the `if:` forms action.yml uses: a step output
// compared with a string.
func condition(t *testing.T, expr string, outputs map[string]map[string]string) bool {
	t.Helper()
	m := conditionRE.FindStringSubmatch(strings.TrimSpace(expr))
	if m == nil {
		t.Fatalf("action.yml: condition %q is not understood by this test", expr)
	}
	equal := outputs[m[1]][m[2]] == m[4]
	return equal == (m[3] == "==")
}

func readKeyValues(t *testing.T, p string) map[string]string {
	m := map[string]string{}
	for _, line := range readLines(t, p) {
		if k, v, ok := strings.Cut(line, "="); ok {
			m[k] = v
		}
	}
	return m
}

func readLines(t *testing.T, p string) []string {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func brokenSite(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, jekyllSite)
	writeFiles(t, dir, map[string]string{"_posts/2024-01-15-third.md": "---\ntitle: Third\n---\nSee [it]({% post_url 2024-01-08-secnd %}).\n"})
	return dir
}

func TestActionAnnotations(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is needed to run the action's steps")
	}
	res := runAction(t, brokenSite(t), map[string]string{"format": "github"})
	if !res.failed || res.outputs["exit-code"] != "1" {
		t.Errorf("failed=%v exit-code=%q, want a failed step and exit-code 1\n%s", res.failed, res.outputs["exit-code"], res.stdout)
	}
	want := regexp.MustCompile(`(?m)^::error file=_posts/2024-01-15-third\.md,line=4,col=\d+,endLine=4,endColumn=\d+,title=postlint \(post-url\)::.*2024-01-08-secnd.*did you mean 2024-01-08-second`)
	if !want.MatchString(res.stdout) {
		t.Errorf("no post-url annotation in the step's output:\n%s", res.stdout)
	}
	if !strings.Contains(res.summary, "post-url") || !strings.Contains(res.summary, "_posts/2024-01-15-third.md") {
		t.Errorf("job summary lacks the finding:\n%s", res.summary)
	}

	clean := t.TempDir()
	writeFiles(t, clean, jekyllSite)
	res = runAction(t, clean, map[string]string{"format": "github"})
	if res.failed || res.outputs["exit-code"] != "0" || strings.Contains(res.stdout, "::error") {
		t.Errorf("clean site: failed=%v exit-code=%q\n%s", res.failed, res.outputs["exit-code"], res.stdout)
	}
}

func TestActionSARIF(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is needed to run the action's steps")
	}
	site := brokenSite(t)
	res := runAction(t, site, map[string]string{"format": "sarif", "fail-on": "never", "args": "--disable inline-comment"})
	if res.failed || res.outputs["exit-code"] != "0" || res.outputs["sarif-file"] != "postlint.sarif" {
		t.Fatalf("failed=%v outputs=%v\n%s", res.failed, res.outputs, res.stdout)
	}
	b, err := os.ReadFile(filepath.Join(site, "postlint.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatalf("postlint.sarif: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 || log.Runs[0].Results[0].RuleID != "post-url" {
		t.Errorf("SARIF = %s", b)
	}
}
