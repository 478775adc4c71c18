#include <catch2/catch.hpp>

#include "model/codec.h"
#include "sync_support.h"

using namespace podium;
using namespace podium::synctest;
using namespace Qt::StringLiterals;

TEST_CASE("a control seat and a read-only seat join the host and follow it") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s), rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    CHECK(online.seat.syncPeer()->role() == Authority::OnlineModerator);
    CHECK(rapporteur.seat.syncPeer()->role() == Authority::ReadOnly);
    CHECK(waitUntil([&] { return host->seat.peers().size() == 2; }));

    REQUIRE(submitAndWait(online, Action::AddEntry, {{u"participant"_s, 3}}));
    REQUIRE(submitAndWait(*host, Action::AddEntry, {{u"participant"_s, 4}}));
    REQUIRE(waitUntil([&] { return rapporteur.lastSeq() == host->lastSeq(); }));
    CHECK(codec::digest(online.engine.state()) == codec::digest(host->engine.state()));
    CHECK(codec::digest(rapporteur.engine.state()) == codec::digest(host->engine.state()));
}
