"""The reporting-channels page: the page module and its blocks, figures, frames, sections and
words."""
