"""Colour-blind-safe colours (Okabe–Ito) used by every chart."""

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

STRAND_COLOURS = {"homophobic": "#0072B2", "biphobic": "#E69F00", "transphobic": "#CC79A7"}
