#pragma once

#include "core/api/ApiClient.h"

#include <QTest>

#include <functional>

namespace cqrs::test {

// Records what an ApiClient call answered, and how often: a call must answer exactly once.
template<typename T> struct Captured
{
    int calls = 0;
    ApiResult<T> result;

    ApiClient::Handler<T> handler()
    {
        return [this](const ApiResult<T> &r) {
            ++calls;
            result = r;
        };
    }
};

// Starts `call` with a handler and waits, serving events, for its answer; a call that never
// answers comes back as a timeout rather than hanging the test.
template<typename T> ApiResult<T> waitFor(std::function<void(ApiClient::Handler<T>)> call)
{
    ApiResult<T> result;
    bool done = false;
    call([&](const ApiResult<T> &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        result.error.kind = ApiError::Kind::Timeout;
    return result;
}

} // namespace cqrs::test
