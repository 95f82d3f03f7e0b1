"""The message pane: one message in full with its thread, evidence, attachments and delivery state."""
