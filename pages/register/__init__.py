"""The commitments register page: the page module, its frames, and the coordinator's edit forms
(layout and callbacks)."""
