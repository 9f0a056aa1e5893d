"""GOV — governance: owners, active agencies, consistent hierarchy."""

from vndgaf.rules.base import Rule

RULES: tuple[Rule, ...] = ()
