"""The hostile claim files under files/ are inputs of test_adversarial_cases.py, not claim files
for the factcheck pytest plugin to collect: several would hang or crash a checker that lacked
the bounds they test."""

collect_ignore_glob = ["files/*"]
