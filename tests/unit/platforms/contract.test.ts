import { describe, expect, it } from 'vitest';
import { PLATFORM_DESCRIPTORS, PLATFORM_IDS, descriptorFor, isPlatformId } from '@/lib/platforms/descriptors';
import { PLATFORM_LABELS } from '@/lib/platforms/labels';
import { hostPermissions } from '@/lib/platforms/platformDescriptor';
import { adapterFor, detectFromUrl, registeredAdapters } from '@/lib/platforms/registry';
import { validateExportRequest } from '@/lib/export/job/exportRequest';
import { platformInfo } from '@/lib/ui/platformInfo';

const PROFILES = ['careful', 'normal', 'fast'] as const;

describe('the platform list', () => {
  it('has one adapter per descriptor, in the same order', () => {
    expect(registeredAdapters().map((adapter) => adapter.id)).toEqual(PLATFORM_IDS);
    expect(new Set(PLATFORM_IDS).size).toBe(PLATFORM_IDS.length);
  });

  it('accepts only registered platforms in an export request', () => {
    expect(isPlatformId('myspace')).toBe(false);
    expect(() => validateExportRequest({ platform: 'myspace', format: 'json', includeMedia: true })).toThrow('Unknown platform.');
  });
});

describe.each(registeredAdapters().map((adapter) => [adapter.id, adapter] as const))('the %s platform', (id, adapter) => {
  const descriptor = descriptorFor(id);

  it('takes its facts from its descriptor', () => {
    expect(adapter).toMatchObject(descriptor);
    expect(adapterFor(id)).toBe(adapter);
    expect(PLATFORM_LABELS[id]).toBe(descriptor.label);
    expect(platformInfo(id)).toMatchObject({ loginUrl: descriptor.loginUrl, maxBytes: descriptor.mediaRules.maxBytes });
  });

  it('asks host permission for its API origin and every media host, nothing else', () => {
    const permissions = hostPermissions(descriptor);
    expect(permissions[0]).toBe(`${descriptor.site.origin}/*`);
    for (const host of descriptor.site.mediaHosts) expect(permissions).toContain(`https://${host}/*`);
    expect(permissions).toHaveLength(1 + descriptor.site.mediaHosts.length);
    for (const permission of permissions) expect(permission).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  it('recognises a tab on each of its page hosts, and its API origin is one of them', () => {
    expect(descriptor.site.hosts).toContain(new URL(descriptor.site.origin).hostname);
    for (const host of descriptor.site.hosts) expect(detectFromUrl(`https://${host}/`)?.platform).toBe(id);
    expect(detectFromUrl(`https://not-${descriptor.site.hosts[0]}/`)).toBeUndefined();
  });

  it('has media rules and a login page', () => {
    expect(descriptor.mediaRules.formats.length).toBeGreaterThan(0);
    expect(descriptor.mediaRules.maxBytes).toBeGreaterThan(0);
    expect(new URL(descriptor.loginUrl).protocol).toBe('https:');
    expect(descriptor.mediaKinds.length).toBeGreaterThan(0);
  });

  it('paces Careful slowest and keeps each budget consistent', () => {
    for (const profile of PROFILES) {
      const limits = descriptor.pacing[profile];
      expect(limits.minDelayMs).toBeGreaterThan(0);
      expect(limits.maxDelayMs).toBeGreaterThanOrEqual(limits.minDelayMs);
      expect(limits.budget.perDay).toBeGreaterThanOrEqual(limits.budget.perHour);
    }
    expect(descriptor.pacing.careful.minDelayMs).toBeGreaterThanOrEqual(descriptor.pacing.normal.minDelayMs);
    expect(descriptor.pacing.normal.minDelayMs).toBeGreaterThanOrEqual(descriptor.pacing.fast.minDelayMs);
    expect(descriptor.pacing.careful.budget.perHour).toBeLessThanOrEqual(descriptor.pacing.fast.budget.perHour);
  });

  it('lists an account in named sections, each with at least one strategy', () => {
    for (const account of [{ id: '1', handle: 'someone' }, { id: '1', handle: 'me', isViewer: true }]) {
      const sections = adapter.sections(account);
      expect(sections.length).toBeGreaterThan(0);
      expect(new Set(sections.map((section) => section.name)).size).toBe(sections.length);
      for (const section of sections) {
        expect(section.label.length).toBeGreaterThan(0);
        expect(section.strategies.length).toBeGreaterThan(0);
        expect(new Set(section.strategies.map((strategy) => strategy.name)).size).toBe(section.strategies.length);
      }
    }
  });
});

it('every descriptor is in the platform list once', () => {
  expect(PLATFORM_DESCRIPTORS.map((descriptor) => descriptor.id)).toEqual(PLATFORM_IDS);
});
