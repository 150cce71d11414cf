package lint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"golang.org/x/sync/errgroup"
)

// Options configure a run.
type Options struct {
	// Paths are the files and folders to check ("." when empty).
	Paths []string
	// Rules are all known rules; which run is decided by Config, Enable and
	// Disable.
	Rules []*Rule
	// Config is the loaded configuration (DefaultConfig when nil).
	Config *Config
	// Enable and Disable turn rules on or off over the config.
	Enable, Disable []string
	// SiteRoot forces the site root; SiteKind the site kind ("" or "auto":
	// discover).
	SiteRoot, SiteKind string
	// Lang overrides every document's language.
	Lang string
	// Jobs is the number of files checked at once (0: one per CPU).
	Jobs int
	// Cwd is the folder paths are shown relative to ("" = current).
	Cwd string
	// ReadFile, when set, supplies the content of each checked file by
	// absolute path instead of the disk: --fix and --diff check their fixed
	// content before writing anything.
	ReadFile func(abs string) ([]byte, error)
}

// Result is what a run found.
type Result struct {
	// Findings are sorted by path, line, column and rule.
	Findings []Finding
	// Files is the number of files checked.
	Files int
	// Errors are problems that kept a file from being checked (unreadable,
	// missing path); each names the file.
	Errors []error
	// Rules are the rules that ran, in the order given, with their
	// configured severity.
	Rules []EnabledRule
	// Sites is the number of sites the files belong to; Parsed the number
	// of documents parsed, the checked ones and those rules read for their
	// own needs (a one-file check must not parse its whole site).
	Sites  int
	Parsed int64
	// Skipped are files deliberately left alone, with the reason: symbolic
	// links that lead outside their site are never followed, so that a
	// repository cannot make postlint read (and quote) files elsewhere on
	// the machine. They are not errors.
	Skipped []*FileError
}

// EnabledRule is a rule with the severity and options of this run.
type EnabledRule struct {
	*Rule
	Severity Severity
	Options  any
}

// FileError is an error about one file.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// UsageError is a mistake in how postlint was called (unknown rule name,
// bad flag value); the run does not start.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// SelectRules decides which rules run and with which severity and options.
func SelectRules(all []*Rule, cfg *Config, enable, disable []string) ([]EnabledRule, error) {
	byName := map[string]*Rule{}
	for _, r := range all {
		byName[r.Name] = r
	}
	for _, name := range append(append([]string{}, enable...), disable...) {
		if byName[name] == nil {
			return nil, &UsageError{Msg: fmt.Sprintf("unknown rule %q%s (see `postlint rules`)", name, suggest(name, all))}
		}
	}
	for name, rc := range cfg.Rules {
		if byName[name] == nil {
			return nil, &ConfigError{Path: cfg.Path, Line: rc.Line, Key: "rules." + name, Msg: "unknown rule" + suggest(name, all)}
		}
	}
	on := map[string]bool{}
	for _, n := range enable {
		on[n] = true
	}
	off := map[string]bool{}
	for _, n := range disable {
		off[n] = true
	}
	var out []EnabledRule
	for _, r := range all {
		sev := r.DefaultSeverity
		rc, configured := cfg.Rules[r.Name]
		if configured && rc.SeveritySet {
			sev = rc.Severity
		}
		if on[r.Name] && sev == SeverityOff {
			sev = r.DefaultSeverity
			if sev == SeverityOff {
				sev = SeverityWarning
			}
		}
		if off[r.Name] || sev == SeverityOff {
			continue
		}
		var opts any
		if r.NewOptions != nil {
			opts = r.NewOptions()
			if configured {
				if err := DecodeOptions(cfg.Path, r.Name, rc.Options, opts); err != nil {
					return nil, err
				}
			}
		} else if configured && rc.Options != nil {
			return nil, &ConfigError{Path: cfg.Path, Line: rc.Options.Content[0].Line, Key: "rules." + r.Name + "." + rc.Options.Content[0].Value, Msg: r.Name + " has no options besides severity"}
		}
		out = append(out, EnabledRule{Rule: r, Severity: sev, Options: opts})
	}
	return out, nil
}

func suggest(name string, all []*Rule) string {
	names := make([]string, len(all))
	for i, r := range all {
		names[i] = r.Name
	}
	return Suggest(name, names)
}

// Suggest returns "; did you mean X?" for the candidate closest to name
// (edit distance at most 3), or "".
func Suggest(name string, candidates []string) string {
	best, bestD := "", 4
	for _, c := range candidates {
		if d := EditDistance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %s?", best)
}

// EditDistance is the Levenshtein distance between a and b in code points.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// target is one file to check and the site it belongs to.
type target struct {
	abs  string
	slot *siteSlot
}

// siteSlot is a site found while walking the paths. It is loaded when its
// first file is checked and released after its last one, so that a run over
// many sites holds only the sites being checked, not all of them.
type siteSlot struct {
	root string
	kind SiteKind
	// order is the rank of the site among those found, in walk order.
	order int

	// walked is the part of a walk below the root, if any: the site's
	// file index is read from it. It is dropped once the site is loaded.
	walked *tree

	once sync.Once
	// site is the loaded site until its last file is checked. The
	// prefetcher reads it too, possibly after that.
	site atomic.Pointer[Site]
	err  error
	// started is closed when a worker takes the site's first file.
	started     chan struct{}
	startedOnce sync.Once
	left        atomic.Int64 // files of the site not checked yet
	escaping    []string     // the site's symlinks that lead outside it
	parsed      int64
}

func (sl *siteSlot) load(siteOf map[string]*siteSlot) (*Site, error) {
	return sl.ensureLoaded(siteOf), sl.err
}

// ensureLoaded loads the site unless it was, and returns it: nil when it
// could not be loaded, or when its files were all checked and it was
// released (the prefetcher may come after the workers).
func (sl *siteSlot) ensureLoaded(siteOf map[string]*siteSlot) *Site {
	sl.once.Do(func() {
		// The index reads whole the posts this site checks, for the checker.
		var checked func(abs string) bool
		if siteOf != nil {
			checked = func(abs string) bool { return siteOf[abs] == sl }
		}
		site, err := loadSite(sl.root, sl.kind, sl.walked, checked)
		sl.walked, sl.err = nil, err
		if site != nil {
			sl.escaping = site.Files.Escaping
			sl.site.Store(site)
		}
	})
	return sl.site.Load()
}

// start records that a worker took a file of the site.
func (sl *siteSlot) start() {
	sl.startedOnce.Do(func() { close(sl.started) })
}

// prefetcher loads each site while the workers check the ones before it,
// so that no worker waits for a site's index to be built: the sites are
// checked one after the other, and a worker that takes the first file of
// a site would otherwise build its index while the others wait for it.
type prefetcher struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// Loading ahead: the prefetcher loads the next site as soon as the
// workers start the one before it, and further sites while those it loaded
// and the workers have not started hold fewer than aheadFiles files to
// check and number fewer than aheadSites. A site takes as long to load as
// tens of its files take to check: after a site of a few files, the
// workers would wait for the next one.
const (
	aheadFiles = 128
	aheadSites = 4
)

// loadAhead starts loading the sites in the order the workers take them,
// ahead of them by at most one site, or a few small ones. When warm is
// set, the rules' WarmSite then builds each site's facts, unless the
// workers are already done with it.
func loadAhead(ctx context.Context, targets []target, order []int, siteOf map[string]*siteSlot, warm []EnabledRule) *prefetcher {
	ctx, cancel := context.WithCancel(ctx)
	p := &prefetcher{cancel: cancel, done: make(chan struct{})}
	var slots []*siteSlot
	var files []int // files to check of each slot
	for _, i := range order {
		if sl := targets[i].slot; len(slots) == 0 || slots[len(slots)-1] != sl {
			slots = append(slots, sl)
			files = append(files, 0)
		}
		files[len(files)-1]++
	}
	go func() {
		defer close(p.done)
		for i, sl := range slots {
			for {
				// The sites loaded that no worker has started yet.
				pending, first := 0, i
				for first > 0 && !closed(slots[first-1].started) {
					first--
					pending += files[first]
				}
				if first == i || i-first < aheadSites && pending < aheadFiles {
					break
				}
				select {
				case <-slots[first].started:
				case <-ctx.Done():
					return
				}
			}
			if site := sl.ensureLoaded(siteOf); site != nil {
				warmSite(ctx, site, sl, warm)
			}
		}
	}()
	return p
}

// closed tells whether c is closed, without waiting.
func closed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// warmSite has the rules build the site-wide facts of site, the site of
// slot sl, while files of it are left to check.
func warmSite(ctx context.Context, site *Site, sl *siteSlot, rules []EnabledRule) {
	for _, r := range rules {
		if r.WarmSite == nil {
			continue
		}
		if ctx.Err() != nil || sl.left.Load() == 0 {
			return
		}
		r.WarmSite(site, r.Options)
	}
}

// stop ends the prefetching and waits for it.
func (p *prefetcher) stop() {
	p.cancel()
	<-p.done
}

// done records that one file of the site was checked, and releases the
// site after the last one.
func (sl *siteSlot) done() {
	if sl.left.Add(-1) != 0 {
		return
	}
	if site := sl.site.Swap(nil); site != nil {
		sl.parsed = site.Parsed()
		site.dropMemo()
	}
}

// Run checks the files named by opts and returns every finding.
func Run(ctx context.Context, opts Options) (*Result, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = DefaultConfig()
	}
	enabled, err := SelectRules(opts.Rules, cfg, opts.Enable, opts.Disable)
	if err != nil {
		return nil, err
	}
	kind := opts.SiteKind
	if kind == "" || kind == "auto" {
		kind = cfg.Site
	}
	if kind != "" && kind != "auto" && !oneOf(kind, string(SiteJekyll), string(SiteHugo), string(SitePlain)) {
		return nil, &UsageError{Msg: fmt.Sprintf("unknown site kind %q (want auto, jekyll, hugo or plain)", kind)}
	}
	cwd := opts.Cwd
	if cwd == "" {
		if cwd, err = os.Getwd(); err != nil {
			return nil, err
		}
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	res := &Result{Rules: enabled}

	folders := anyFolder(paths)
	if folders {
		// Looking for files keeps one CPU busy: the rules build their
		// tables meanwhile, instead of after it while the workers wait.
		// A run over a few named files has little to look for and may
		// never need those tables.
		go warm(enabled)
	}
	found := discover(paths, cfg, cwd, opts.SiteRoot, kind)
	targets, slots := found.targets, found.slots
	res.Errors = append(res.Errors, found.errors...)
	res.Skipped = append(res.Skipped, found.skipped...)
	res.Files = len(targets)
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	checker := NewChecker(opts.Rules, enabled, cfg, opts.Lang)
	// The site index reads the posts to check whole, for the checker, unless
	// their content comes from elsewhere.
	var siteOf map[string]*siteSlot
	if opts.ReadFile == nil {
		siteOf = found.siteOf
	}
	for _, t := range targets {
		t.slot.left.Add(1)
	}
	perFile := make([][]Finding, len(targets))
	fileErrs := make([]error, len(targets))
	order := siteBySite(targets)
	g, ctx := errgroup.WithContext(ctx)
	// A run over named files, as pre-commit's, checks a few of a site's
	// files, which may need none of its facts.
	var warmRules []EnabledRule
	if folders {
		warmRules = enabled
	}
	prefetch := loadAhead(ctx, targets, order, siteOf, warmRules)
	defer prefetch.stop()
	g.SetLimit(jobs)
	for _, i := range order {
		t := targets[i]
		g.Go(func() error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			defer t.slot.done()
			t.slot.start()
			site, err := t.slot.load(siteOf)
			if err != nil {
				return nil // reported once for the site, below
			}
			perFile[i], fileErrs[i] = checker.checkFile(site, t.abs, displayPath(cwd, t.abs), opts.ReadFile)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	res.Sites = len(slots)
	for _, sl := range slots {
		if sl.err != nil {
			res.Errors = append(res.Errors, sl.err)
		}
		res.Parsed += sl.parsed
		for _, rel := range sl.escaping {
			p := displayPath(cwd, filepath.Join(sl.root, filepath.FromSlash(rel)))
			if !slices.ContainsFunc(res.Skipped, func(e *FileError) bool { return e.Path == p }) {
				res.Skipped = append(res.Skipped, &FileError{Path: p, Err: errEscapingLink})
			}
		}
	}
	total := 0
	for _, fs := range perFile {
		total += len(fs)
	}
	if total > 0 {
		res.Findings = make([]Finding, 0, total)
	}
	for i := range targets {
		res.Findings = append(res.Findings, perFile[i]...)
		perFile[i] = nil
		if fileErrs[i] != nil {
			res.Errors = append(res.Errors, fileErrs[i])
		}
	}
	SortFindings(res.Findings)
	return res, nil
}

// anyFolder tells whether one of paths names a folder.
func anyFolder(paths []string) bool {
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// warm builds ahead what the rules build on first use.
func warm(rules []EnabledRule) {
	for _, r := range rules {
		if r.Warm != nil {
			r.Warm()
		}
	}
}

// discovered is what discovery found: the files to check with their
// sites, and the problems met on the way, in walk order.
type discovered struct {
	targets []target
	slots   []*siteSlot
	errors  []error
	skipped []*FileError
	// siteOf gives the site of each target by absolute path.
	siteOf map[string]*siteSlot
}

// discover finds the Markdown files under paths and the site of each.
// siteRoot and kind force the site root and kind ("" or "auto": found per
// file). Each folder path is walked once: the sites rooted in it index
// their files from that walk.
func discover(paths []string, cfg *Config, cwd, siteRoot, kind string) *discovered {
	found := &discovered{}
	sites := map[string]*siteSlot{}
	// Files of one folder share their site: discovery runs once per folder,
	// not once per file, and asks about each folder above once.
	type site struct {
		root string
		kind SiteKind
	}
	discoveredIn := map[[2]string]site{}
	finder := siteFinder{}
	// siteFor is called with files only; walked is the walk they were
	// found by, nil for a file named by the user.
	siteFor := func(file, stop string, walked *tree) *siteSlot {
		root, k := siteRoot, SiteKind(kind)
		if root == "" {
			key := [2]string{filepath.Dir(file), stop}
			d, ok := discoveredIn[key]
			if !ok {
				d.root, d.kind = finder.discover(file, stop)
				discoveredIn[key] = d
			}
			root = d.root
			if k == "" || k == "auto" {
				k = d.kind
			}
		} else if k == "" || k == "auto" {
			if k = siteKindAt(root); k == "" {
				k = SitePlain
			}
		}
		root, _ = filepath.Abs(root)
		sl := sites[root]
		if sl == nil {
			sl = &siteSlot{root: root, kind: k, order: len(found.slots), started: make(chan struct{})}
			sites[root] = sl
			found.slots = append(found.slots, sl)
		}
		if sl.walked == nil && walked != nil && walked.within(root) {
			sl.walked = walked
		}
		return sl
	}

	seen := map[string]bool{}
	found.siteOf = map[string]*siteSlot{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			found.errors = append(found.errors, &FileError{Path: p, Err: err})
			continue
		}
		fi, err := os.Stat(abs)
		if err != nil {
			found.errors = append(found.errors, &FileError{Path: displayable(p), Err: describeStatError(err)})
			continue
		}
		if !fi.IsDir() {
			if cfg.Ignored(abs) || seen[abs] {
				continue
			}
			sl := siteFor(abs, filepath.Dir(abs), nil)
			if escapes(sl.root, abs) {
				found.skipped = append(found.skipped, &FileError{Path: displayPath(cwd, abs), Err: errEscapingLink})
				continue
			}
			seen[abs] = true
			found.targets = append(found.targets, target{abs, sl})
			continue
		}
		walked := walkTree(abs)
		if walked.rootErr != nil {
			found.errors = append(found.errors, &FileError{Path: displayPath(cwd, abs), Err: pathErr(walked.rootErr)})
			continue
		}
		for i := 0; i < len(walked.entries); i++ {
			typ := walked.entries[i].typ
			if typ.IsDir() {
				if i > 0 && cfg.Ignored(walked.abs(i)) {
					i = walked.subtreeEnd(i) - 1
					continue
				}
				if err := walked.readErrs[i]; err != nil {
					found.errors = append(found.errors, &FileError{Path: displayPath(cwd, walked.abs(i)), Err: pathErr(err)})
				}
				continue
			}
			if !IsMarkdown(walked.name(i)) {
				continue
			}
			fp := walked.abs(i)
			if cfg.Ignored(fp) || seen[fp] {
				continue
			}
			if typ&fs.ModeSymlink != 0 {
				if _, err := os.Stat(fp); err != nil {
					// Jekyll and Hugo fail on it too.
					found.errors = append(found.errors, &FileError{Path: displayPath(cwd, fp), Err: errBrokenLink})
				}
				continue // the file it points to is checked where it lives
			}
			if !typ.IsRegular() {
				found.errors = append(found.errors, &FileError{Path: displayPath(cwd, fp), Err: errNotRegular})
				continue
			}
			seen[fp] = true
			found.targets = append(found.targets, target{fp, siteFor(fp, abs, walked)})
		}
	}
	for _, t := range found.targets {
		found.siteOf[t.abs] = t.slot
	}
	for _, sl := range found.slots {
		if sl.walked != nil {
			sl.walked = sl.walked.cut(sl.root)
		}
	}
	return found
}

// siteBySite returns the order in which to check targets: site after site,
// in the order the sites were found, and in walk order within a site. A
// site is then loaded once and released as soon as its files are checked.
// Walk order alone can keep a site loaded for the whole run: a README at
// the top of each of many sites belongs to one plain site rooted where the
// walk started, which indexes every file below it.
//
// A site that holds other sites is checked after them: its index covers
// their files too, and is the slowest to build; first, the workers would
// wait for it, last, it is loaded while they check the sites before it.
func siteBySite(targets []target) []int {
	holds := holdingSites(targets)
	order := make([]int, len(targets))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, sb := targets[a].slot, targets[b].slot
		if holds[sa] != holds[sb] {
			if holds[sa] {
				return 1
			}
			return -1
		}
		return sa.order - sb.order
	})
	return order
}

// holdingSites returns the sites of targets whose root holds the root of
// another of them.
func holdingSites(targets []target) map[*siteSlot]bool {
	var roots []string
	seen := map[*siteSlot]bool{}
	for _, t := range targets {
		if !seen[t.slot] {
			seen[t.slot] = true
			roots = append(roots, t.slot.root)
		}
	}
	slices.Sort(roots)
	holds := map[*siteSlot]bool{}
	for sl := range seen {
		prefix := sl.root
		if !strings.HasSuffix(prefix, string(filepath.Separator)) {
			prefix += string(filepath.Separator)
		}
		// The roots below sl's follow prefix in sorted order.
		i, _ := slices.BinarySearch(roots, prefix)
		for ; i < len(roots) && strings.HasPrefix(roots[i], prefix); i++ {
			if roots[i] != sl.root {
				holds[sl] = true
				break
			}
		}
	}
	return holds
}

// SortFindings puts findings in output order.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Less(&fs[j]) })
}

func describeStatError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file or directory")
	}
	return err
}

// displayPath shows abs relative to cwd when inside it, slash-separated.
// Control characters in file names are escaped (see displayable).
func displayPath(cwd, abs string) string {
	if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return displayable(filepath.ToSlash(rel))
	}
	return displayable(filepath.ToSlash(abs))
}

// ParseFile parses one file of a site as the engine does, for tests and
// tools.
func ParseFile(site *Site, abs, display string, src []byte, langOverride string, cfg *Config) *Document {
	d := parseForSite(site.markdown(), site, abs, display, src)
	d.detectLanguage(langOverride, site, cfg)
	return d
}

// ParseFileWithoutLanguage parses one file of a site as ParseFile does but
// leaves its language unknown (Lang and LangSource empty): detecting it may
// build the prose of the whole file. Rules use it for the other pages they
// read while checking one (the anchors of a linked page, a series' lists),
// whose language they never look at.
func ParseFileWithoutLanguage(site *Site, abs, display string, src []byte) *Document {
	return parseForSite(site.markdown(), site, abs, display, src)
}

// parseForSite parses a file of site (nil for none) with the site's
// template syntax and Markdown engine; the caller sets its language.
func parseForSite(md goldmark.Markdown, site *Site, abs, display string, src []byte) *Document {
	syntax := SyntaxLiquid | SyntaxShortcode
	kramdown := false
	if site != nil {
		switch site.Kind {
		case SiteJekyll:
			syntax = SyntaxLiquid
			kramdown = site.Markdown == "kramdown"
		case SiteHugo:
			syntax = SyntaxShortcode
		}
	}
	var post *Post
	if site != nil {
		site.parsed.Add(1)
		if rel, ok := site.Rel(abs); ok {
			post = site.PostByPath(rel)
		}
	}
	return parseDocument(md, display, abs, src, syntax, kramdown, post)
}

// Checker parses documents and runs a set of rules on them; it is safe for
// concurrent use.
type Checker struct {
	md    goldmark.Markdown
	rules []EnabledRule
	cfg   *Config
	lang  string
	known []string
}

// NewChecker prepares to run enabled (chosen among all by SelectRules) with
// cfg; lang, when set, overrides every document's language.
func NewChecker(all []*Rule, enabled []EnabledRule, cfg *Config, lang string) *Checker {
	known := make([]string, 0, len(all))
	for _, r := range all {
		known = append(known, r.Name)
	}
	if cfg == nil {
		cfg = DefaultConfig()
	}
	return &Checker{md: NewMarkdown(), rules: enabled, cfg: cfg, lang: lang, known: known}
}

// Check parses src, the content of the file abs of site (display is the
// path shown to the user), runs every rule and returns the findings that
// inline comments do not silence, in the order rules reported them. The
// error reports a rule that failed; the findings of the others are kept.
func (c *Checker) Check(site *Site, abs, display string, src []byte) (findings []Finding, err error) {
	if err := screen(src); err != nil {
		return nil, &FileError{Path: display, Err: err}
	}
	d := parseForSite(c.md, site, abs, display, src)
	d.detectLanguage(c.lang, site, c.cfg)
	sup := newSuppressor(d.Directives(), d.Lines)
	var mu sync.Mutex // rules run one after another, but a rule may report from goroutines
	for _, r := range c.rules {
		pass := &Pass{Rule: r.Rule, Doc: d, Site: site, Options: r.Options, Config: c.cfg, Severity: r.Severity, ruleNames: c.known}
		pass.report = func(f Finding) {
			if sup.suppressed(f.Rule, f.Start.Offset, f.Start.Line) {
				return
			}
			mu.Lock()
			findings = append(findings, f)
			mu.Unlock()
		}
		if perr := runRule(r.Rule, pass); perr != nil {
			err = &FileError{Path: display, Err: perr}
		}
	}
	return findings, err
}

// checkFile reads one file and checks it.
func (c *Checker) checkFile(site *Site, abs, display string, readFile func(string) ([]byte, error)) ([]Finding, error) {
	if readFile == nil {
		if src := site.takeSource(abs); src != nil {
			return c.Check(site, abs, display, src)
		}
		readFile = readRegular
	}
	src, err := readFile(abs)
	if err != nil {
		return nil, &FileError{Path: display, Err: err}
	}
	return c.Check(site, abs, display, src)
}

// runRule runs a rule, turning a panic into an error that names the rule:
// one broken rule must not stop the others or the other files.
func runRule(r *Rule, pass *Pass) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error in rule %s: %v\n%s", r.Name, p, debug.Stack())
		}
	}()
	r.Check(pass)
	return nil
}
