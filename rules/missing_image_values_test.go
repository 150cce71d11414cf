package rules

import (
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// yamlValuesReference and dataValuesReference are yamlValues and
// dataValues as they were, splitting the key first and going through
// every part: the references the early exits must agree with.
func yamlValuesReference(doc *yaml.Node, key string) []*yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	nodes := []*yaml.Node{n}
	for _, part := range strings.Split(key, ".") {
		list := strings.HasSuffix(part, "[]")
		part = strings.TrimSuffix(part, "[]")
		var next []*yaml.Node
		for _, m := range nodes {
			if m.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				if m.Content[i].Value != part {
					continue
				}
				v := m.Content[i+1]
				if list && v.Kind == yaml.SequenceNode {
					next = append(next, v.Content...)
				} else {
					next = append(next, v)
				}
			}
		}
		nodes = next
	}
	var out []*yaml.Node
	for _, m := range nodes {
		if m.Kind == yaml.ScalarNode && m.Tag == "!!str" && m.Value != "" {
			out = append(out, m)
		}
	}
	return out
}

func dataValuesReference(data map[string]any, key string) []string {
	cur := []any{data}
	for _, part := range strings.Split(key, ".") {
		list := strings.HasSuffix(part, "[]")
		part = strings.TrimSuffix(part, "[]")
		var next []any
		for _, x := range cur {
			m, ok := x.(map[string]any)
			if !ok {
				continue
			}
			v, ok := m[part]
			if !ok {
				continue
			}
			if l, isList := v.([]any); list && isList {
				next = append(next, l...)
			} else {
				next = append(next, v)
			}
		}
		cur = next
	}
	var out []string
	for _, x := range cur {
		if s, ok := x.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

func TestFrontMatterValuesMatchReference(t *testing.T) {
	docs := []string{
		"image: a.png\ncover:\n  image: b.png\nimages: [c.png, d.png, '']\nheader: {image: e.png, teaser: [f.png]}\n'': g.png\n'a.b': h.png\n",
		"images: i.png\ncover: j.png\nimg: 3\nthumbnail: [k.png]\n",
		"- not a map\n",
		"",
	}
	keys := append(newMissingImageOptions().(*MissingImageOptions).allKeys(), "", ".", "a.b", "cover.", ".image", "images[]", "header.teaser[]", "x.y.z", "header..image")
	for _, src := range docs {
		var node yaml.Node
		var data map[string]any
		if err := yaml.Unmarshal([]byte(src), &node); err != nil {
			t.Fatal(err)
		}
		_ = yaml.Unmarshal([]byte(src), &data)
		for _, key := range keys {
			if node.Kind != 0 {
				if got, want := yamlValues(&node, key), yamlValuesReference(&node, key); !reflect.DeepEqual(got, want) {
					t.Errorf("%q, key %q: yamlValues = %v, want %v", src, key, got, want)
				}
			}
			if got, want := dataValues(data, key), dataValuesReference(data, key); !reflect.DeepEqual(got, want) {
				t.Errorf("%q, key %q: dataValues = %v, want %v", src, key, got, want)
			}
		}
	}
}
