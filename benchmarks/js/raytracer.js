// Ray tracing: small vector objects, sphere/plane intersection, lights, shadows and reflections (floating point + allocation).
'use strict';

class Vec {
  constructor(x, y, z) { this.x = x; this.y = y; this.z = z; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y, this.z + o.z); }
  sub(o) { return new Vec(this.x - o.x, this.y - o.y, this.z - o.z); }
  scale(k) { return new Vec(this.x * k, this.y * k, this.z * k); }
  mul(o) { return new Vec(this.x * o.x, this.y * o.y, this.z * o.z); }
  dot(o) { return this.x * o.x + this.y * o.y + this.z * o.z; }
  cross(o) {
    return new Vec(this.y * o.z - this.z * o.y, this.z * o.x - this.x * o.z, this.x * o.y - this.y * o.x);
  }
  length() { return Math.sqrt(this.dot(this)); }
  normalize() { const l = this.length(); return l > 0 ? this.scale(1 / l) : this; }
  static mirrorX(v) { return new Vec(-v.x, v.y, v.z); }
}

const BLACK = new Vec(0, 0, 0);
const EPS = 1e-7;

class Ray {
  constructor(origin, dir) { this.origin = origin; this.dir = dir; }
  at(t) { return this.origin.add(this.dir.scale(t)); }
}

class Hit {
  constructor(t, shape) { this.t = t; this.shape = shape; }
}

class Material {
  constructor(color, diffuse, specular, shininess, reflect) {
    this.color = color; this.diffuse = diffuse; this.specular = specular;
    this.shininess = shininess; this.reflect = reflect;
  }
  colorAt(p) { return this.color; }
}

class Checker extends Material {
  constructor(a, b, size, diffuse, reflect) {
    super(a, diffuse, 0.2, 20, reflect);
    this.other = b; this.size = size;
  }
  colorAt(p) {
    // |x| keeps the pattern mirror-symmetric about x = 0.
    const i = Math.floor(Math.abs(p.x) / this.size) + Math.floor(Math.abs(p.z) / this.size);
    return (i & 1) ? this.other : this.color;
  }
}

class Shape {
  constructor(material) { this.material = material; }
}

class Sphere extends Shape {
  constructor(center, radius, material) {
    super(material);
    this.center = center; this.radius = radius; this.r2 = radius * radius;
  }
  intersect(ray) {
    const oc = ray.origin.sub(this.center);
    const b = oc.dot(ray.dir);
    const c = oc.dot(oc) - this.r2;
    const disc = b * b - c;
    if (disc < 0) return null;
    const s = Math.sqrt(disc);
    let t = -b - s;
    if (t <= EPS) { t = -b + s; if (t <= EPS) return null; }
    return new Hit(t, this);
  }
  normalAt(p) { return p.sub(this.center).scale(1 / this.radius); }
  mirrored() { return new Sphere(Vec.mirrorX(this.center), this.radius, this.material); }
}

class Plane extends Shape {
  constructor(normal, offset, material) {
    super(material);
    this.normal = normal.normalize(); this.offset = offset;
  }
  intersect(ray) {
    const denom = this.normal.dot(ray.dir);
    if (Math.abs(denom) < 1e-12) return null;
    const t = (this.offset - this.normal.dot(ray.origin)) / denom;
    return t > EPS ? new Hit(t, this) : null;
  }
  normalAt(p) { return this.normal; }
}

class Light {
  constructor(pos, color) { this.pos = pos; this.color = color; }
}

class Camera {
  constructor(eye, target, fov, width, height) {
    this.eye = eye;
    this.forward = target.sub(eye).normalize();
    this.right = this.forward.cross(new Vec(0, 1, 0)).normalize().scale(-1);
    this.up = this.right.cross(this.forward).scale(-1);
    this.width = width; this.height = height;
    this.half = Math.tan(fov * Math.PI / 360);
  }
  ray(px, py) {
    // 2*px + 1 - width is an exact integer, so pixel columns x and width-1-x get exactly mirrored rays.
    const sx = (2 * px + 1 - this.width) / this.height * this.half;
    const sy = (this.height - 2 * py - 1) / this.height * this.half;
    const dir = this.forward.add(this.right.scale(sx)).add(this.up.scale(sy)).normalize();
    return new Ray(this.eye, dir);
  }
}

class Scene {
  constructor() { this.shapes = []; this.lights = []; this.ambient = new Vec(0.08, 0.08, 0.1); this.rays = 0; this.shadowRays = 0; }
  nearest(ray) {
    let best = null;
    for (let i = 0; i < this.shapes.length; i++) {
      const h = this.shapes[i].intersect(ray);
      if (h !== null && (best === null || h.t < best.t)) best = h;
    }
    return best;
  }
  occluded(p, toLight, dist) {
    this.shadowRays++;
    const ray = new Ray(p, toLight);
    for (let i = 0; i < this.shapes.length; i++) {
      const h = this.shapes[i].intersect(ray);
      if (h !== null && h.t < dist) return true;
    }
    return false;
  }
  trace(ray, depth) {
    this.rays++;
    const hit = this.nearest(ray);
    if (hit === null) {
      const k = 0.5 * (ray.dir.y + 1);
      return new Vec(0.6, 0.7, 0.9).scale(k).add(new Vec(0.1, 0.1, 0.15).scale(1 - k));
    }
    const shape = hit.shape;
    const p = ray.at(hit.t);
    if (shape instanceof Sphere) {
      const dr = p.sub(shape.center).length() - shape.radius;
      if (Math.abs(dr) > 1e-9 * (1 + shape.radius)) throw new Error('hit point not on sphere surface');
    }
    let n = shape.normalAt(p);
    if (n.dot(ray.dir) > 0) n = n.scale(-1);
    const m = shape.material;
    const base = m.colorAt(p);
    let color = base.mul(this.ambient);
    const lp = p.add(n.scale(1e-6));
    for (const light of this.lights) {
      const toL = light.pos.sub(lp);
      const dist = toL.length();
      const l = toL.scale(1 / dist);
      const ndl = n.dot(l);
      if (ndl <= 0) continue;
      if (this.occluded(lp, l, dist)) continue;
      color = color.add(base.mul(light.color).scale(m.diffuse * ndl));
      const h = l.sub(ray.dir).normalize();
      const spec = Math.pow(Math.max(0, n.dot(h)), m.shininess);
      color = color.add(light.color.scale(m.specular * spec));
    }
    if (m.reflect > 0 && depth > 0) {
      const r = ray.dir.sub(n.scale(2 * ray.dir.dot(n)));
      const rc = this.trace(new Ray(lp, r), depth - 1);
      color = color.scale(1 - m.reflect).add(rc.scale(m.reflect));
    }
    return color;
  }
}

function buildScene() {
  const s = new Scene();
  const red = new Material(new Vec(0.9, 0.2, 0.2), 0.8, 0.5, 40, 0.25);
  const blue = new Material(new Vec(0.2, 0.3, 0.9), 0.7, 0.6, 60, 0.3);
  const mirror = new Material(new Vec(0.9, 0.9, 0.9), 0.2, 0.9, 120, 0.7);
  const green = new Material(new Vec(0.3, 0.8, 0.3), 0.9, 0.2, 10, 0.05);
  const floor = new Checker(new Vec(0.9, 0.9, 0.85), new Vec(0.15, 0.15, 0.2), 1.0, 0.8, 0.2);
  s.shapes.push(new Plane(new Vec(0, 1, 0), -1, floor));
  s.shapes.push(new Plane(new Vec(0, 0, -1), -14, new Material(new Vec(0.5, 0.4, 0.6), 0.6, 0.1, 5, 0)));
  s.shapes.push(new Sphere(new Vec(0, 0.4, 5.5), 1.4, mirror));
  // Pairs mirrored about x = 0.
  const half = [
    new Sphere(new Vec(2.2, 0, 4.2), 1.0, red),
    new Sphere(new Vec(1.3, -0.55, 2.6), 0.45, blue),
    new Sphere(new Vec(3.6, 0.8, 7.5), 1.8, green),
    new Sphere(new Vec(0.9, 1.9, 3.4), 0.35, mirror),
  ];
  for (const sp of half) { s.shapes.push(sp); s.shapes.push(sp.mirrored()); }
  s.lights.push(new Light(new Vec(0, 6, -1), new Vec(0.7, 0.7, 0.65)));
  s.lights.push(new Light(new Vec(-5, 4, 1), new Vec(0.35, 0.3, 0.3)));
  s.lights.push(new Light(new Vec(5, 4, 1), new Vec(0.35, 0.3, 0.3)));
  return s;
}

const toByte = (c) => { const v = Math.floor(c * 255 + 0.5); return v < 0 ? 0 : v > 255 ? 255 : v; };

function render(scene, camera) {
  const W = camera.width, H = camera.height;
  const pixels = new Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const c = scene.trace(camera.ray(x, y), 2);
      pixels[y * W + x] = (toByte(c.x) << 16) | (toByte(c.y) << 8) | toByte(c.z);
    }
  return pixels;
}

const scene = buildScene();
let checksum = 0, distinct = 0, bright = 0;
// [eye z, eye y, width, height]
const frames = [[-2.0, 0.5, 120, 90], [-2.4, 1.6, 80, 60]];
for (const [z, y, W, H] of frames) {
  const cam = new Camera(new Vec(0, y, z), new Vec(0, 0.2, 6), 60, W, H);
  const img = render(scene, cam);
  // Invariant: the scene and camera are mirror-symmetric about x = 0, so the image must be too.
  for (let r = 0; r < H; r++)
    for (let c = 0; c < W / 2; c++)
      if (img[r * W + c] !== img[r * W + W - 1 - c]) throw new Error(`image not symmetric at ${c},${r}`);
  const colors = new Set(img);
  distinct += colors.size;
  for (let i = 0; i < img.length; i++) {
    const p = img[i];
    checksum = (Math.imul(checksum, 31) + p) | 0;
    if (((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255) > 600) bright++;
  }
}
if (distinct < 1000) throw new Error('image too uniform');
print(`raytracer: ${frames.map((f) => f[2] + 'x' + f[3]).join('+')} rays=${scene.rays} shadow=${scene.shadowRays} bright=${bright} checksum=${checksum}`);
