"""Track: turn stored targets into tracked commitments.

Modules, in the order data flows through them:
`catalogue` (indicators and matching) → `orgs` (organisations over time) → `models` (tables) →
`observations` and `imports` (reported figures) → `workflow` (reporting rounds, submissions,
explanation requests) → `status` and `forecast` (pure rules) → `scorecard`, `align`, `tasks`.
Service functions take the SQLAlchemy `Session` as the keyword-only argument `session`.
"""
