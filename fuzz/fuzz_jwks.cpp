#include "fuzz/FuzzTarget.h"

#include "core/oidc/token/JsonWebKeySet.h"

using cqrs::JsonWebKeySet;
using cqrs::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto keys = JsonWebKeySet::fromJson(cqrs::fuzz::bytesOf(data, size));
    if (!keys)
        return 0;
    // What the set keeps must survive being published again, as the stand-in provider does.
    const auto again = JsonWebKeySet::fromJson(keys->toJson());
    require(again && again->size() == keys->size(), "a key set round-trips through JSON");
    require(keys->find(QString()).has_value() == (keys->size() == 1),
            "an unnamed key is found only when it is the only one");
    const QByteArray signature(256, 'x');
    if (const auto key = keys->find(QString()))
        require(!key->verifyRs256(QByteArrayLiteral("data"), signature),
                "a made-up signature never verifies");
    return 0;
}
