"""Delivering stored files over HTTP: content types, download names, byte ranges, playlists."""
