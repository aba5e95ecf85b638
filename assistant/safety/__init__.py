"""The safety router: which route a message takes (answer, crisis, refuse, out of scope)."""
