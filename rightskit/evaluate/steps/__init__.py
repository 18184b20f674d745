"""The seven Art. 52(1) rules, one module per step; each is registered by id in a RuleRegistry."""
