package lint

// ConfigValue returns a top-level setting of the site's configuration: the
// exact key, else one that differs only in case (Hugo's keys are
// case-insensitive: uglyURLs, uglyurls), else nil.
func (s *Site) ConfigValue(key string) any { return lookupFold(s.Config, key) }
