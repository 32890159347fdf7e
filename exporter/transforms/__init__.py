"""Transforms: functions from an Issue to an Issue, run before any writer."""
