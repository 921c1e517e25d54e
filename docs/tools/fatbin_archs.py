#!/usr/bin/env python3
"""List the GPU architectures compiled into a CUDA shared library: the SASS (machine code) and PTX entries of
every fat binary in it, with how many fat binaries hold each. A GPU runs the library's kernels only if there is
SASS for its major architecture or PTX it can compile. Usage: fatbin_archs.py LIB.so

Layout of a fat binary (as read from the files themselves): a header with magic 0xBA55ED50, version (u16),
header size (u16) and payload size (u64), then entries, each with kind (u16: 1 PTX, 2 ELF/SASS), version
(u16), entry header size (u32), padded payload size (u32), and the sm version at offset 28 (u32).
"""
import mmap, struct, sys, collections
f=open(sys.argv[1],'rb'); m=mmap.mmap(f.fileno(),0,access=mmap.ACCESS_READ)
magic=struct.pack('<I',0xBA55ED50)
pos=0; kinds=collections.Counter(); n=0
while True:
    i=m.find(magic,pos)
    if i<0: break
    ver,hsize,fsize=struct.unpack_from('<HHQ',m,i+4)
    p=i+hsize; end=p+fsize
    while p<end and p+64<=len(m):
        kind,v,eh,padded=struct.unpack_from('<HHII',m,p)
        sm=struct.unpack_from('<I',m,p+28)[0]
        if kind not in (1,2) or eh<64 or eh>1024: break
        kinds[('PTX' if kind==1 else 'SASS',sm)]+=1
        p+=eh+padded
    n+=1; pos=i+16
print('fatbins', n)
for k,v in sorted(kinds.items()): print(k,v)
