"""The accountability page: the page module (registration, layout, callbacks) and its figures,
frames, sections and words."""
