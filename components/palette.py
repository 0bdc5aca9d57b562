"""Colour-blind-safe colours (Okabe–Ito) used by every chart."""

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

STRAND_COLOURS = {"homophobic": "#0072B2", "biphobic": "#E69F00", "transphobic": "#CC79A7"}

# Text drawn on a bar of OKABE_ITO[0] (#0072B2: white reads 5.1:1) and beside a bar (on white).
TEXT_ON_BAR = "#ffffff"
TEXT_BESIDE_BAR = "#212529"
