//! Tests of the browser: the app driven by keys, and screens drawn into a test backend.
