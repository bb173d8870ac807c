"""What coordinators set for the whole incubator: its name, and the e-mail outbox they watch and steer."""
