// Training seeds torch's global generator (torch.manual_seed): tests that train must not run concurrently.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
