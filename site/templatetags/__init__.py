"""Template tags of the site-wide templates."""
