"""What two or more pages share, as pure `create_*` factories (arguments in, Dash components
out): chart with table, filter bar, KPI card, record grid, navigation, palette. Anything one
page alone uses lives in that page's folder under pages/."""
