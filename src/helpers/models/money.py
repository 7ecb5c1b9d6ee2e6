"""Values of data/money.csv: revenue, prices, orders and estimates, as published (several rows make a range)."""

from __future__ import annotations

import pandas as pd

from helpers.data.datasets import load_table


def money_values(quantity: str, money: pd.DataFrame | None = None) -> list[float]:
    """All published values of one quantity of data/money.csv, sorted (several rows = a range or a conflict)."""
    money = load_table("money") if money is None else money
    return sorted(money.loc[money["quantity"] == quantity, "value"].astype(float).tolist())
