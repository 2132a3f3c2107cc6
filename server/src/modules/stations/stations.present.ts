import type { MemberView, StationWithRegion } from './stations.repo.js';

/** A station as the API answers it: dates as ISO strings, internal search keys left out. */
export function presentStation(s: StationWithRegion) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    type: s.type,
    tier: s.tier,
    regionCode: s.regionCode,
    regionName: s.regionName,
    address: s.address,
    latitude: s.latitude,
    longitude: s.longitude,
    openingHours: s.openingHours,
    receptionSchedule: s.receptionSchedule,
    hotline: s.hotline,
    starLevel: s.starLevel,
    description: s.description,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** A deputy on the public page and the printed card: no phone, no ID number, nothing else personal. */
export function presentPublicDeputy(m: MemberView) {
  return { name: m.name, level: m.level, role: m.role, deputyGroup: m.deputyGroup };
}
