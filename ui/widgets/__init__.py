"""Small reusable widgets shared by the window's parts."""
