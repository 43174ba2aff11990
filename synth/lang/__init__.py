"""Language data: every word list and pattern of a language lives in one module per language.

Stages import what they need from `synth.lang.en`; no stage keeps English words of its own.
"""
