// Command gencorpus makes benchmark corpora:
//
//	gencorpus -copies 30 -from ../shared/corpora -out /tmp/corpus30
//	    copies every site of -from N times (copy-001/…, copy-002/…)
//	gencorpus -posts 500 -out /tmp/site500
//	    writes a Jekyll site of N French posts that link to each other with
//	    post_url, show images and form three-part series
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

func main() {
	copies := flag.Int("copies", 0, "copies of -from to make")
	from := flag.String("from", "", "folder to copy (with -copies)")
	posts := flag.Int("posts", 0, "posts of a generated Jekyll site")
	out := flag.String("out", "", "folder to write (must not exist)")
	flag.Parse()
	if *out == "" || (*copies > 0) == (*posts > 0) {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -out DIR (-copies N -from DIR | -posts N)")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %s exists; choose a new folder\n", *out)
		os.Exit(2)
	}
	var err error
	if *copies > 0 {
		err = replicate(*from, *out, *copies)
	} else {
		err = generateSite(*out, *posts)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func replicate(from, out string, n int) error {
	for i := 1; i <= n; i++ {
		dst := filepath.Join(out, fmt.Sprintf("copy-%03d", i))
		err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(from, p)
			if err != nil {
				return err
			}
			target := filepath.Join(dst, rel)
			if d.IsDir() {
				return os.MkdirAll(target, 0o755)
			}
			if !d.Type().IsRegular() {
				return nil
			}
			return copyFile(p, target)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	outf, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(outf, in); err != nil {
		outf.Close()
		return err
	}
	return outf.Close()
}

func generateSite(out string, n int) error {
	for _, dir := range []string{"_posts", "assets/images", "_layouts"} {
		if err := os.MkdirAll(filepath.Join(out, dir), 0o755); err != nil {
			return err
		}
	}
	files := map[string]string{
		"_config.yml":           "title: Blog de test\nlang: fr\npermalink: /:year/:month/:day/:title/\n",
		"_layouts/post.html":    "",
		"_layouts/default.html": "",
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	name := func(i int) string {
		return fmt.Sprintf("%s-billet-%04d", start.AddDate(0, 0, 3*i).Format("2006-01-02"), i)
	}
	for i := 0; i < n; i++ {
		img := fmt.Sprintf("assets/images/figure-%04d.png", i)
		files[img] = ""
		body := fmt.Sprintf(`---
layout: post
title: "Billet numéro %d"
description: "Un billet de démonstration pour mesurer postlint."
---
Cet article fait partie d'une série de billets sur l'hébergement d'un blog statique.
Il présente la configuration, les images et les liens entre les billets ; chaque
paragraphe imite ce qu'un blogueur écrit vraiment.

## Contexte

Nous utilisons Jekyll et GitHub Pages. La compilation échoue dès qu'un lien
`+"`post_url`"+` est cassé, d'où l'intérêt d'une vérification avant publication.

![Schéma de l'architecture](/%s)

- une liste avec un lien vers [le billet précédent]({%% post_url %s %%}) ;
- un élément avec du `+"`code`"+` et une URL https://example.com/page ;
- un dernier élément.

`+"```go\nfunc main() {\n\tfmt.Println(\"bonjour\")\n}\n```"+`

> Une citation pour finir, avec un peu de **gras** et d'*italique*.
`, i, img, name(max(i-1, 0)))
		files["_posts/"+name(i)+".md"] = body
	}
	for p, content := range files {
		if err := os.WriteFile(filepath.Join(out, p), []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}
