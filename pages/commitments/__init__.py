"""The leadership-commitment scorecard page: the page module and its scorecard cards, method
notes and words."""
