"""The case-file audit tool's rules, below the renderer and without HTML: grades and the overall
judgement (grades.py), reading exported audits without trusting them (exports.py), and counting
them into results (summarise.py, behind ``python -m practice_hub audits summarise``). The tool's
page and the results dashboard are renderers: ``renderer/audit_form.py`` and
``renderer/audit_results.py``."""
