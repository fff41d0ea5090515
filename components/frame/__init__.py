"""What every page has: the page top (menu, disclaimer, title), navigation, stylesheet, notices, and the
elements and figures every view draws with."""
