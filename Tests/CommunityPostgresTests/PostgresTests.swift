import Testing

/// Every PostgreSQL test, one at a time: the restart test takes the shared server down, so
/// nothing else may use it meanwhile.
@Suite(.serialized) struct PostgresTests {}
