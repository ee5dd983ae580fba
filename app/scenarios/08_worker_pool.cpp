// app/scenarios/08_worker_pool.cpp: 08_worker_pool.go: the article's worker pool: main queues
// jobs, workers process them and send results, a WaitGroup tells when the workers are done.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

namespace {

struct Job {
  int ID = 0;
  std::string Value;
  friend std::ostream& operator<<(std::ostream& os, const Job& j) {
    return os << "{" << j.ID << " " << j.Value << "}";
  }
};

struct Result {
  Job job;
  std::string Output;
  friend std::ostream& operator<<(std::ostream& os, const Result& r) {
    return os << "{" << r.job << " " << r.Output << "}";
  }
};

}  // namespace

Scenario worker_pool_scenario() {
  return {"worker_pool",
          "Worker pool",
          "Workers take jobs from a channel, send results, and count down a WaitGroup.",
          "08_worker_pool.go",
          {{"workers", 3, 1, 1000, "worker goroutines (numWorkers)"},
           {"jobs", 10, 1, 100000, "jobs to process (numJobs)"},
           {"buffer", 10, 0, 100000, "capacity of jobs and results"},
           {"work_ms", 1000, 0, 10000, "time per job"}},
          [](const Params& p) {
            int numWorkers = p["workers"], numJobs = p["jobs"];
            auto jobs = goro::make_chan<Job>(p["buffer"], "jobs");
            auto results = goro::make_chan<Result>(p["buffer"], "results");
            goro::WaitGroup wg{"wg"};
            auto worker = [&wg, p](int id, goro::RecvChan<Job> jobs, goro::SendChan<Result> results) {
              for (Job job : jobs) {
                goro::print(sf("Worker %d processing job %d\n", id, job.ID));
                goro::sleep(std::chrono::milliseconds(p["work_ms"]));
                results.send(Result{job, "Processed: " + job.Value});
              }
              wg.done();  // defer wg.Done(): last
            };
            for (int i = 1; i <= numWorkers; i++) {
              wg.add(1);
              goro::go(sf("worker %d", i), [=] { worker(i, jobs, results); });
            }
            goro::go("send jobs", [=] {
              for (int i = 1; i <= numJobs; i++) jobs.send(Job{i, sf("Job%d", i)});
              jobs.close();
            });
            wg.wait();
            results.close();
            for (Result result : results)
              goro::print(sf("Result for job %d: %s\n", result.job.ID, result.Output.c_str()));
          }};
}

}  // namespace goroscope
