// visual/narration.hpp: what one event did, in a sentence for the audience ("worker 2 received
// {3 Job3} from jobs (buffer 4/10)", "main blocked: wg.Wait(), counter 3", "time jumps 1s:
// every goroutine was asleep or blocked"). No ImGui here.
//
// Invariant: narrate() reads the model as it is just after the event (so counters and buffer
// lengths are the ones the event left) and never changes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "goro/event.hpp"
#include "model.hpp"

namespace goro::visual {

// narrate() is event e in words. after: the model just after e; prev_time: the time of the
// event before e (-1: none); virtual_clock: time moves only when every goroutine waits, so a
// gap in time is a jump, said before the rest.
std::string narrate(const Model& after, const Event& e, const std::vector<std::string>& strings,
                    int64_t prev_time, bool virtual_clock);

// seen() tells an event a student sees, the unit of Step: not a timer goroutine's bookkeeping
// (its start, sleep, wake and end: Go has a runtime timer there, no goroutine; its firing, a
// send on its channel, is seen), nor the race detector's (a variable made, a first access).
bool seen(const Model& m, const Event& e, const std::vector<std::string>& strings);

}  // namespace goro::visual
