#include <cstdio>

int main()
{
    std::fputs("usage: cqrs-server-stub serve --db FILE [--listen 127.0.0.1:8080] [--outbox DIR]\n"
               "                        [--tls-cert PEM --tls-key PEM] [--admin-key KEY] [--idp] "
               "[--dev]\n",
               stdout);
    return 0;
}
