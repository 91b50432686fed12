"""Dates: every EDTF value parses, intervals and start/end pairs run forwards, nothing is in the future."""

from factpack import edtf_dates
from factpack.context import fact_keys_with
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code


def _parse(record, key):
    """(EdtfDate or None, findings) for one date field."""
    text = record.get(key)
    if not isinstance(text, str):
        return None, []
    try:
        return edtf_dates.parse(text), []
    except edtf_dates.OpenIntervalError as error:
        return None, [
            record.finding(
                Code.OPEN_INTERVAL,
                str(error),
                key,
                "an unknown start is written ../2019-08-16; an end must be given: write the latest possible date",
            )
        ]
    except edtf_dates.StartAfterEndError as error:
        return None, [record.finding(Code.START_AFTER_END, str(error), key, "swap the two dates")]
    except ValueError as error:
        return None, [
            record.finding(
                Code.NOT_EDTF,
                str(error),
                key,
                "write e.g. 2019-03-10, 2019-03, 2019, 2017-21 (spring), 2019-03-10? or 2019-03-11/2019-08-17",
            )
        ]


def check(context):
    for table, keys in fact_keys_with("x-edtf").items():
        for record in context.records(table):
            parsed = {}
            for key in keys:
                value, findings = _parse(record, key)
                yield from findings
                if value:
                    parsed[key] = value
                    if value.earliest > context.today:
                        yield record.finding(Code.DATE_IN_FUTURE, f"'{key}' {value.text} is after today ({context.today})", key,
                                             "check the year")
            if "start" in parsed and "end" in parsed and parsed["start"].earliest > parsed["end"].end:
                yield record.finding(Code.START_AFTER_END, f"'start' {parsed['start'].text} is after 'end' {parsed['end'].text}",
                                     "start", "swap the two dates")


CHECK = Check("dates", Stage.DATASET,
              frozenset({Code.NOT_EDTF, Code.START_AFTER_END, Code.DATE_IN_FUTURE, Code.OPEN_INTERVAL}),
              check)
