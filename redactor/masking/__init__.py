"""Masking: a note and its entities under a policy in, the masked text and the originals
to vault out (``mask``), with the generalisations it may apply (``generalize``). Pure."""
