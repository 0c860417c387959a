import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { haversineKm } from './geo.js';

const STOCKHOLM = { lat: 59.3293, lon: 18.0686 };
const HELSINKI = { lat: 60.1699, lon: 24.9384 };

describe('haversineKm', () => {
  it('puts Stockholm about 396 km from Helsinki, either way round', () => {
    const km = haversineKm(STOCKHOLM, HELSINKI);
    assert.ok(Math.abs(km - 396) < 2, `${km} km`);
    assert.equal(haversineKm(HELSINKI, STOCKHOLM), km);
  });

  it('is 0 from a point to itself and half the circumference to its antipode, not NaN', () => {
    assert.equal(haversineKm(HELSINKI, HELSINKI), 0);
    const km = haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 });
    assert.ok(Math.abs(km - Math.PI * 6371.0088) < 1e-6, `${km} km`);
  });

  it('measures a degree of latitude as about 111.2 km and shrinks degrees of longitude towards the poles', () => {
    assert.ok(Math.abs(haversineKm({ lat: 10, lon: 5 }, { lat: 11, lon: 5 }) - 111.2) < 0.1);
    const atEquator = haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 });
    const atSixty = haversineKm({ lat: 60, lon: 0 }, { lat: 60, lon: 1 });
    assert.ok(Math.abs(atSixty / atEquator - 0.5) < 0.01);
  });
});
