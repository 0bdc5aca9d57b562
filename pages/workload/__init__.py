"""The liaison workload page: the page module and its figures, frames, sections and words."""
