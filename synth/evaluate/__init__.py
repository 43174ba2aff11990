"""Phase 5, evaluate: ROUGE against human references, classic baselines, labelled sets."""
