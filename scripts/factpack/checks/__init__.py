"""The checks, one module per family of rules, and the contract they keep (contract.py).

Each module declares `CHECK = Check(stage, emits, run)`: the stage fixes the signature of `run`, and
`emits` the codes it may report (names of rule_codes.Code, so a misspelt one fails at import). The
checks run in the order `registry.CHECKS` lists them; a finding with a code its check does not
declare stops the run as a bug in factpack.
"""
