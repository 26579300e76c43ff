package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendXML(t *testing.T) {
	for _, tc := range []struct {
		in         string
		text, attr string
	}{
		{"plain", "plain", "plain"},
		{`<a href="x">&amp;</a>`, "&lt;a href=\"x\"&gt;&amp;amp;&lt;/a&gt;", "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;"},
		{"]]>", "]]&gt;", "]]&gt;"},
		{"a\nb\tc\rd", "a\nb\tc&#xD;d", "a&#xA;b&#x9;c&#xD;d"},
		{"nul\x00bel\x07", "nul\uFFFDbel\uFFFD", "nul\uFFFDbel\uFFFD"},
		{"\uFFFE\uFFFF\uFFFD", "\uFFFD\uFFFD\uFFFD", "\uFFFD\uFFFD\uFFFD"},
		{"bad\xff\xfeutf8", "bad\uFFFD\uFFFDutf8", "bad\uFFFD\uFFFDutf8"},
		{"日本 🐍 \u2028", "日本 🐍 \u2028", "日本 🐍 \u2028"},
		{"'single'", "'single'", "'single'"},
	} {
		if got := string(appendXML(nil, tc.in, false)); got != tc.text {
			t.Errorf("text %q: got %q, want %q", tc.in, got, tc.text)
		}
		if got := string(appendXML(nil, tc.in, true)); got != tc.attr {
			t.Errorf("attr %q: got %q, want %q", tc.in, got, tc.attr)
		}
	}
}

// FuzzAppendXML checks that any string, escaped, is well-formed XML that a
// strict parser reads back as xmlSafe(s), in text and in an attribute.
func FuzzAppendXML(f *testing.F) {
	for _, s := range nastyNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := []byte(`<a x="`)
		doc = appendXML(doc, s, true)
		doc = append(doc, `">`...)
		doc = appendXML(doc, s, false)
		doc = append(doc, `</a>`...)
		var v struct {
			X    string `xml:"x,attr"`
			Text string `xml:",chardata"`
		}
		dec := xml.NewDecoder(bytes.NewReader(doc))
		dec.Strict = true
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%q: %v in %q", s, err, doc)
		}
		if want := xmlSafe(s); v.X != want || v.Text != want {
			t.Fatalf("%q: attr %q, text %q; want %q", s, v.X, v.Text, want)
		}
	})
}

// FuzzAppendJSONString checks that any string is written as valid JSON
// that decodes to it (invalid UTF-8 bytes become U+FFFD, one each).
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range nastyNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := appendJSONStrings(nil, []string{s, s})
		if !utf8.Valid(b) && utf8.ValidString(s) {
			t.Fatalf("%q: invalid UTF-8 output", s)
		}
		var got []string
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%q: %v in %s", s, err, b)
		}
		if want := javaString(s); len(got) != 2 || got[0] != want || got[1] != want {
			t.Fatalf("%q: decoded %q, want %q twice", s, got, want)
		}
	})
}

// FuzzAppendCSVString checks that any string reads back from its quoted
// field with encoding/csv (which drops a CR before LF, even quoted).
func FuzzAppendCSVString(f *testing.F) {
	for _, s := range nastyNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := appendCSVString(nil, s)
		line = append(line, ',')
		line = appendCSVString(line, s)
		line = append(line, '\n')
		rec, err := csv.NewReader(bytes.NewReader(line)).Read()
		if err != nil {
			t.Fatalf("%q: %v in %q", s, err, line)
		}
		want := strings.ReplaceAll(s, "\r\n", "\n")
		if len(rec) != 2 || rec[0] != want || rec[1] != want {
			t.Fatalf("%q: read %q", s, rec)
		}
	})
}
