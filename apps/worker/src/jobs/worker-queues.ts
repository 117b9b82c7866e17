import { Inject, Injectable } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { QueueName } from '@kompeten/shared-contracts';

/** The BullMQ queues the worker registered, by name. */
@Injectable()
export class WorkerQueues {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(ModuleRef) private readonly moduleRef: ModuleRef) {}

  get(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, q);
    }
    return q;
  }
}
