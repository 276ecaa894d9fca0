"""The case-file audit tool: the tool page, its data, summarising exported audits,
and the audit results dashboard. Kept apart from the package's other modules on purpose."""
