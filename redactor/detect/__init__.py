"""Detection: a note in, entities on its original offsets out.

``analyze`` builds the one ``AnalyzerEngine`` (GiNZA, the registry
``conf/registry.yaml``, thresholds); ``focus``, ``chunking``, ``model_input`` and
``tokenizer`` shape what the model reads; ``workers`` runs it over many notes in
processes; ``stock`` is stock Presidio on the same model, the baseline.
"""
