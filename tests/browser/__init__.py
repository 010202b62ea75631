"""Public experience: variants, accessibility, SEO, open API and the real-browser suite."""
