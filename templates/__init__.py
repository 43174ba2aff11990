"""Jinja2 templates of the briefing, shipped as package data (`synth.templates`)."""
